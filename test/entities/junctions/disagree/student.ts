import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course';

/** Both sides declare the junction, but with other column names: not mirror images. */
@Entity('students')
export class Student {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Course, (course) => course.students)
  @JoinTable({ name: 'student_courses', joinColumn: { name: 'student_id' }, inverseJoinColumn: { name: 'course_id' } })
  courses: Course[];
}
