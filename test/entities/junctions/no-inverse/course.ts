import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Student } from './student';

@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Student)
  @JoinTable({ name: 'student_courses' })
  students: Student[];
}
