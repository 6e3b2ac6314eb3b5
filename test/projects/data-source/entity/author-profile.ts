import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { BookItem } from './book-item';

@Entity()
export class AuthorProfile {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ length: 100 })
  displayName: string;

  @Column({ default: true })
  isActive: boolean;

  @OneToMany(() => BookItem, (book) => book.writtenBy)
  books: BookItem[];
}
