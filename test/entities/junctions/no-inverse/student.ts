import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course';

/** Both sides declare the junction as mirror images, without naming each other as inverse sides. */
@Entity('students')
export class Student {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Course)
  @JoinTable({ name: 'student_courses' })
  courses: Course[];
}
