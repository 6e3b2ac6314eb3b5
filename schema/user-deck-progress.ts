import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Deck } from './deck';
import { User } from './user';

@Entity('user_deck_progress')
@Unique('UQ_user_deck_progress_user_deck', ['user', 'deck'])
export class UserDeckProgress {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user: User;

  @ManyToOne(() => Deck, { onDelete: 'CASCADE', nullable: false })
  deck: Deck;

  @Column({ type: 'integer', default: 0 })
  cardsLearned: number;

  @Column({ type: 'decimal', precision: 5, scale: 2, default: 0 })
  percentComplete: string;

  @Column({ type: Date, nullable: true })
  lastStudiedAt: Date | null;
}
