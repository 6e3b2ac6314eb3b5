import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Student } from './student';

@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Student, (student) => student.courses)
  @JoinTable({ name: 'student_courses', joinColumn: { name: 'courseId' }, inverseJoinColumn: { name: 'studentId' } })
  students: Student[];
}
