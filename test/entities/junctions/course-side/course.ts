import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Student } from './student';

/** Only this side declares the junction: TypeORM builds it in (coursesId, studentsId) order. */
@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @ManyToMany(() => Student, (student) => student.courses)
  @JoinTable({ name: 'student_courses' })
  students: Student[];
}
