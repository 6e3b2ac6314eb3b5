import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An entity whose table has the name of Student.courses's junction table. */
@Entity('enrollments')
export class Enrollment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  grade: number;
}
