import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account';

/**
 * A composite relation whose join columns are declared in another order than the referenced primary key: TypeORM
 * 1.x creates the foreign key as (tenant_id, account_id), TypeORM 0.3 as declared, (account_id, tenant_id).
 */
@Entity('invoices')
export class Invoice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  total: number;

  @ManyToOne(() => Account, { nullable: false })
  @JoinColumn([
    { name: 'account_id', referencedColumnName: 'id' },
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
  ])
  account: Account;
}
