import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Index access methods TypeORM 1.x declares with `type` (and `spatial`, which is GiST on PostgreSQL). */
@Entity('documents')
@Index('IDX_documents_tags', ['tags'], { type: 'gin' })
@Index('IDX_documents_code', ['code'], { type: 'hash' })
@Index('IDX_documents_created', ['createdAt'], { type: 'brin' })
@Index('IDX_documents_title', ['title'], { type: 'btree' })
@Index('IDX_documents_area', ['area'], { spatial: true })
export class Document {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ type: 'integer' })
  code: number;

  @Column({ type: 'timestamp' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'box' })
  area: string;
}
