import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `bio` is gone: dropping it loses its values (DATA_LOSS); `name` gains an index (built CONCURRENTLY on request). */
@Entity('accounts')
@Index('IDX_accounts_name', ['name'])
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;
}
