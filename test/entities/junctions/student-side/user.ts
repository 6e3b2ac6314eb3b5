import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';

/** Only `following` declares the junction: TypeORM builds it in (followerId, followeeId) order. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => User, (user) => user.followers)
  @JoinTable({ name: 'follows', joinColumn: { name: 'followerId' }, inverseJoinColumn: { name: 'followeeId' } })
  following: User[];

  @ManyToMany(() => User, (user) => user.following)
  followers: User[];
}
