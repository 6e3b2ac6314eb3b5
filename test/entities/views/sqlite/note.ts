import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('notes')
export class Note {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  body: string;

  /** SQLite only: PostgreSQL has no VIRTUAL generated columns. */
  @Column({ type: 'integer', generatedType: 'VIRTUAL', asExpression: 'length("body")' })
  length: number;
}
