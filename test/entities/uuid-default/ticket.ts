import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tickets')
export class Ticket {
  @PrimaryGeneratedColumn()
  id: number;

  /** A default calling uuid-ossp's generator directly (not TypeORM's uuid generation). */
  @Column({ type: 'varchar', length: 36, default: () => 'uuid_generate_v4()::text' })
  code: string;
}
