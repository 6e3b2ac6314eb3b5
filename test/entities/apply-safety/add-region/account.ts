import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `bio` gives way to `region`, NOT NULL without a default: on a table with rows, its statement fails in the database
 * after the new tables were created and before the column drop.
 */
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  region: string;
}
