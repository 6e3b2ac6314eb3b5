import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';

/** A self-referencing many-to-many with named join columns, declared on both sides as mirror images. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => User, (user) => user.followers)
  @JoinTable({ name: 'follows', joinColumn: { name: 'followerId' }, inverseJoinColumn: { name: 'followeeId' } })
  following: User[];

  @ManyToMany(() => User, (user) => user.following)
  @JoinTable({ name: 'follows', joinColumn: { name: 'followeeId' }, inverseJoinColumn: { name: 'followerId' } })
  followers: User[];
}
