import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account';

/** A unique relation (TypeORM's generated UNIQUE and foreign-key names) and a many-to-one. */
@Entity('profiles')
export class Profile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @OneToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn()
  account: Account;

  @ManyToOne(() => Account, { nullable: true, onDelete: 'SET NULL' })
  referrer: Account | null;

  @Column({ type: 'text', default: '' })
  bio: string;
}
