import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course';

/** Both sides declare the junction with the same column names, but this side references students.code, not id. */
@Entity('students')
export class Student {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  code: string;

  @ManyToMany(() => Course, (course) => course.students)
  @JoinTable({
    name: 'student_courses',
    joinColumn: { name: 'studentId', referencedColumnName: 'code' },
    inverseJoinColumn: { name: 'courseId' },
  })
  courses: Course[];
}
