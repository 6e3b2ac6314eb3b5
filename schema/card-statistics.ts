import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Card } from './card';
import { CardStatus } from './enums';
import { User } from './user';

@Entity('card_statistics')
@Check('CHK_card_statistics_ease_factor', '"easeFactor" >= 1.3')
@Index('IDX_card_statistics_user_due', ['user', 'dueAt'])
export class CardStatistics {
  @PrimaryGeneratedColumn()
  id: number;

  @OneToOne(() => Card, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  card: Card;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user: User;

  @Column({ type: 'simple-enum', enum: CardStatus, enumName: 'card_status', default: CardStatus.NEW })
  status: CardStatus;

  @Column({ type: 'real', default: 2.5 })
  easeFactor: number;

  @Column({ type: 'integer', default: 0 })
  intervalDays: number;

  @Column({ type: Date, nullable: true })
  dueAt: Date | null;
}
