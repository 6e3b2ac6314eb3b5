import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Tag } from './tag';

/**
 * A many-to-many relation with both sides declared and no actions: TypeORM 1.x makes both junction keys
 * ON DELETE/UPDATE CASCADE, TypeORM 0.3 only the owner's (the inverse side's key takes the inverse relation's actions).
 */
@Entity('posts')
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @ManyToMany(() => Tag, (tag) => tag.posts)
  @JoinTable({ name: 'post_tags' })
  tags: Tag[];
}
