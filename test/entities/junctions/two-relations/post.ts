import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Tag } from './tag';

/** Two unrelated many-to-many relations whose junctions have one name. */
@Entity('posts')
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Tag)
  @JoinTable({ name: 'taggings' })
  tags: Tag[];
}
