import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  /** NOT NULL without a default: existing rows have no value for it. */
  @Column({ type: 'varchar', length: 20 })
  region: string;
}
