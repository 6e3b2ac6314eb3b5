import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Enum labels that would break naive quoting; the second is pg-schema-diff's injection payload (it targets table x). */
export enum Mood {
  Calm = 'calm',
  Injection = "a'); DROP TABLE x; --",
  Quoted = 'say "hi"',
  Backslash = 'back\\slash',
  Dollar = '$$x$$',
  Comment = '/* not */ -- a comment',
  Greek = 'Καλημέρα',
  Emoji = '🙂 ok',
}

/** The string default: a quote, a backslash, dollar quotes, a line comment, a block comment, a semicolon. */
export const HOSTILE_DEFAULT = "it's \\ $$ -- /* x */ ;";

/** The table the injection payload tries to drop. */
@Entity('x')
export class X {
  @PrimaryGeneratedColumn()
  id!: number;
}

/**
 * Names with quotes, semicolons, SQL comments, reserved words, mixed case, Greek and emoji; a string default and an
 * enum default given as the values they are (schemaplan escapes them; TypeORM does not, see RELIABILITY.md).
 */
@Entity({ name: 'Select "Table"; -- x', comment: "table's \"comment\" $$ -- ; /* x */ \\" })
@Index('IDX /* ünï */ "q"', ['naive'])
@Check('CHK "q"; -- x', `"semi;colon" <> 'it''s; DROP TABLE x; --'`)
export class Hostile {
  @PrimaryGeneratedColumn({ name: 'ID' })
  id!: number;

  @Column({ name: 'Naïve Ωmega 🙂', type: 'varchar', length: 50, default: HOSTILE_DEFAULT, comment: 'comment with \' and " and $$ -- ; /* x */' })
  naive!: string;

  @Column({ name: 'order', type: 'simple-enum', enum: Mood, enumName: 'mood "q"', default: Mood.Injection })
  mood!: Mood;

  @Column({ name: 'semi;colon', type: 'text', nullable: true })
  semicolon!: string | null;
}

/**
 * The same hostile values under names TypeORM's own introspection can read (it splices names into its catalog
 * queries unescaped: a `"` in a SQLite table name or a PostgreSQL enum type name breaks them, a `'` anywhere on
 * PostgreSQL). Used as the TypeORM oracle's entities.
 */
@Entity({ name: 'Order; -- Ωmega 🙂 /* x */', comment: "it's a \"comment\" $$ -- ; /* x */ \\" })
@Index('IDX; -- Καλημέρα', ['quoted'])
export class TypeormReadable {
  @PrimaryGeneratedColumn({ name: 'Key' })
  id!: number;

  @Column({ name: 'quoted "column"', type: 'varchar', length: 50, default: HOSTILE_DEFAULT })
  quoted!: string;

  @Column({ name: 'plain', type: 'varchar', length: 50, default: 'no quote \\ $$ -- /* x */ ;', comment: "a 'comment'" })
  plain!: string;

  @Column({ name: 'mood', type: 'simple-enum', enum: Mood, enumName: 'Mood -- x', default: Mood.Injection })
  mood!: Mood;

  @Column({ name: 'calm', type: 'simple-enum', enum: Mood, enumName: 'Mood -- x', default: Mood.Calm })
  calm!: Mood;
}
