import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The crash tests' target: in every table `n` widens to bigint (a rewrite on PostgreSQL, a rebuild on SQLite),
 * `note` is dropped (DATA_LOSS), `flag` is added NOT NULL with a default, and `label` gains an index (built
 * CONCURRENTLY with --concurrently). `id`, `label` and `n` keep every row's values.
 */

@Entity('crash_1')
@Index('IDX_crash_1_label', ['label'])
export class Crash1 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'bigint' })
  n: string;

  @Column({ type: 'boolean', default: false })
  flag: boolean;
}

@Entity('crash_2')
@Index('IDX_crash_2_label', ['label'])
export class Crash2 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'bigint' })
  n: string;

  @Column({ type: 'boolean', default: false })
  flag: boolean;
}

@Entity('crash_3')
@Index('IDX_crash_3_label', ['label'])
export class Crash3 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'bigint' })
  n: string;

  @Column({ type: 'boolean', default: false })
  flag: boolean;
}

@Entity('crash_4')
@Index('IDX_crash_4_label', ['label'])
export class Crash4 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'bigint' })
  n: string;

  @Column({ type: 'boolean', default: false })
  flag: boolean;
}

@Entity('crash_5')
@Index('IDX_crash_5_label', ['label'])
export class Crash5 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'bigint' })
  n: string;

  @Column({ type: 'boolean', default: false })
  flag: boolean;
}

@Entity('crash_6')
@Index('IDX_crash_6_label', ['label'])
export class Crash6 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'bigint' })
  n: string;

  @Column({ type: 'boolean', default: false })
  flag: boolean;
}
