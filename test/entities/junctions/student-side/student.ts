import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course';

/** Only this side declares the junction: TypeORM builds it in (studentsId, coursesId) order. */
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
