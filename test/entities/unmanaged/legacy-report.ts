import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum ReportKind {
  DAILY = 'daily',
  WEEKLY = 'weekly',
}

/** Owned by another system: TypeORM's synchronize leaves it alone, and so must a plan. */
@Entity('legacy_reports', { synchronize: false })
export class LegacyReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'simple-enum', enum: ReportKind, enumName: 'report_kind' })
  kind: ReportKind;
}
