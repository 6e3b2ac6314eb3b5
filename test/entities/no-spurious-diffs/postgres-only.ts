import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DeckLevel {
  A1 = 'A1',
  B1 = 'B1',
}

/** PostgreSQL spellings: int4, character varying, timestamptz, enum and array defaults, json, collation. */
@Entity('pg_things')
export class PgThing {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'int4', default: 7 })
  small: number;

  @Column({ type: 'character varying', length: 20, default: 'x' })
  code: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  seenAt: Date;

  @Column({ type: 'timestamp with time zone', default: () => 'CURRENT_TIMESTAMP' })
  touchedAt: Date;

  @Column({ type: 'enum', enum: DeckLevel, enumName: 'deck_level', default: DeckLevel.A1 })
  level: DeckLevel;

  @Column({ type: 'text', array: true, default: '{}' })
  tags: string[];

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  scores: number[];

  @Column({ type: 'json', default: {} })
  meta: object;

  @Column({ type: 'jsonb', default: [] })
  list: object;

  @Column({ type: 'varchar', length: 30, collation: 'C' })
  sortKey: string;

  @Column({ type: 'text', collation: 'POSIX', nullable: true })
  posixText: string | null;

  @Column({ type: 'text', nullable: true })
  defaultCollation: string | null;
}
