import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';

/** Only `followers` declares the junction: TypeORM builds it in (followeeId, followerId) order. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => User, (user) => user.followers)
  following: User[];

  @ManyToMany(() => User, (user) => user.following)
  @JoinTable({ name: 'follows', joinColumn: { name: 'followeeId' }, inverseJoinColumn: { name: 'followerId' } })
  followers: User[];
}
