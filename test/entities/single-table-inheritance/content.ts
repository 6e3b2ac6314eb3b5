import { ChildEntity, Column, Entity, PrimaryGeneratedColumn, TableInheritance } from 'typeorm';

/** Single-table inheritance: Article and Video live in the `contents` table, told apart by `type`. */
@Entity('contents')
@TableInheritance({ column: { type: 'varchar', name: 'type' } })
export class Content {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;
}

@ChildEntity('article')
export class Article extends Content {
  @Column({ type: 'text', nullable: true })
  body: string | null;
}

@ChildEntity('video')
export class Video extends Content {
  @Column({ type: 'integer', nullable: true })
  seconds: number | null;
}
