import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Generated,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export enum Plan {
  Free = 'free',
  Pro = 'pro',
}

/** Column kinds and defaults that read back from the catalog in another spelling than TypeORM writes them. */
@Entity('accounts')
@Index(['plan', 'balance'])
@Index('IDX_accounts_active_email', ['email'], { where: '"closedAt" IS NULL' })
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', default: 0 })
  logins: number;

  @Column({ type: 'varchar', length: 120, unique: true })
  email: string;

  @Column({ type: 'simple-enum', enum: Plan, enumName: 'account_plan', default: Plan.Free })
  plan: Plan;

  @Column({ type: 'decimal', precision: 10, scale: 2, default: 0 })
  balance: string;

  // Not `default: 1.5`: PostgreSQL stores `1.5` for TypeORM's `'1.5'`, and TypeORM's own schema builder then wants
  // to set that default again after its own synchronize() (it never converges); `'0'::numeric` round-trips.
  @Column({ type: 'decimal', precision: 5, scale: 2, default: 2 })
  rate: string;

  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'bigint', nullable: true })
  bigNumber: string | null;

  @Column({ type: 'float', default: 0.5 })
  ratio: number;

  @Column({ type: 'double precision', nullable: true })
  precise: number | null;

  @Column({ type: 'simple-json', nullable: true })
  preferences: object | null;

  @Column({ type: 'simple-array', nullable: true })
  nicknames: string[] | null;

  @Column()
  @Generated('uuid')
  publicId: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  closedAt: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @DeleteDateColumn()
  deletedAt: Date | null;

  @VersionColumn()
  version: number;
}
