import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('notes')
@Index('IDX_notes_account', ['accountId'])
export class Note {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  accountId: number;

  @Column({ type: 'text' })
  body: string;
}
