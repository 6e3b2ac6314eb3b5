import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Card } from './card';
import { ReviewRating } from './enums';
import { User } from './user';

@Entity('reviews')
@Index('IDX_reviews_card_reviewed_at', ['card', 'reviewedAt'])
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  user: User;

  @ManyToOne(() => Card, { onDelete: 'CASCADE', nullable: false })
  card: Card;

  @Column({ type: 'simple-enum', enum: ReviewRating, enumName: 'review_rating' })
  rating: ReviewRating;

  @Column({ type: 'integer', nullable: true })
  durationMs: number | null;

  @CreateDateColumn()
  reviewedAt: Date;
}
