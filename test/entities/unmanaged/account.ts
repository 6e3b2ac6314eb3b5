import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LegacyReport } from './legacy-report';

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** A managed table may point at an unmanaged one. */
  @ManyToOne(() => LegacyReport, { nullable: true, onDelete: 'SET NULL' })
  report: LegacyReport | null;
}
