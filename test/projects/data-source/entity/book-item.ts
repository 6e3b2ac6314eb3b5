import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuthorProfile } from './author-profile';

@Entity()
@Unique(['writtenBy', 'shelfCode'])
export class BookItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 20 })
  shelfCode: string;

  @Column({ type: 'int', nullable: true })
  pageCount: number | null;

  @CreateDateColumn()
  addedAt: Date;

  @ManyToOne(() => AuthorProfile, (author) => author.books, { onDelete: 'CASCADE' })
  writtenBy: AuthorProfile;
}
