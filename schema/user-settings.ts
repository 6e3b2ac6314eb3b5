import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user';

@Entity('user_settings')
export class UserSettings {
  @PrimaryGeneratedColumn()
  id: number;

  @OneToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'userId' })
  user: User;

  @Column({ type: 'integer', default: 20 })
  dailyGoal: number;

  @Column({ type: 'varchar', length: 64, nullable: true, default: 'UTC' })
  timezone: string | null;

  @Column({ type: 'json', nullable: true })
  preferences: Record<string, unknown> | null;
}
