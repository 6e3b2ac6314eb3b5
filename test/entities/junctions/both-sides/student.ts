import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course';

/** `@JoinTable` on both sides of one many-to-many, under the same name, as mirror images (a real pattern). */
@Entity('students')
export class Student {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @ManyToMany(() => Course, (course) => course.students)
  @JoinTable({ name: 'student_courses' })
  courses: Course[];
}
