import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Where the production-safety tests start: a table other sessions read and lock. */
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;
}
