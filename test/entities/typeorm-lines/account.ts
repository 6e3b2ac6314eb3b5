import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A composite primary key (tenant_id, id). */
@Entity('accounts')
export class Account {
  @PrimaryColumn({ name: 'tenant_id', type: 'integer' })
  tenantId: number;

  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}
