import { Column, Entity, Exclusion, PrimaryGeneratedColumn } from 'typeorm';

/** TypeORM 1.x's `@Exclusion(expression, { deferrable })`; TypeORM 0.3's decorator takes no options object. */
@Entity('desks')
@Exclusion('USING gist ("dates" WITH &&)', { deferrable: 'INITIALLY DEFERRED' })
export class Desk {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'daterange' })
  dates: string;
}
