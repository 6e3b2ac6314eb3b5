import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course';

/** Both sides declare the junction, left alone: someone else owns the table. */
@Entity('students')
export class Student {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @ManyToMany(() => Course, (course) => course.students)
  @JoinTable({ name: 'student_courses', synchronize: false })
  courses: Course[];
}
