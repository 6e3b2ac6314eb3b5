import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `bio` goes and a CHECK comes that the row named 'grace' breaks: the plan cannot count that (a CHECK is any
 * expression), so its statement fails in the database, after the new tables were created.
 */
@Entity('accounts')
@Check('CHK_accounts_name', `"name" <> 'grace'`)
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;
}
