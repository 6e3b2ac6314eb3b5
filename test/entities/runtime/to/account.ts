import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One hazard-free change to a table with rows, which needs the table's ACCESS EXCLUSIVE lock (ADD COLUMN), and an
 * index (with --concurrently a statement of its own, outside the transaction).
 */
@Entity('accounts')
@Index('IDX_accounts_name', ['name'])
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'text', nullable: true })
  nickname: string | null;
}
