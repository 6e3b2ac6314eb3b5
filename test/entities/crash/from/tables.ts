import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The crash tests' starting schema: six tables of the same shape, filled with rows by the harness
 * (scripts/crash/harness.ts). The `to` set changes every one of them, so apply runs many statements over rows.
 */

@Entity('crash_1')
export class Crash1 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@Entity('crash_2')
export class Crash2 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@Entity('crash_3')
export class Crash3 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@Entity('crash_4')
export class Crash4 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@Entity('crash_5')
export class Crash5 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

@Entity('crash_6')
export class Crash6 {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'integer' })
  n: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
