import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RenamedFrom } from '../../../src';

export enum Tier {
  Free = 'free',
  Pro = 'pro',
}

@Entity('members')
@RenamedFrom('users')
export class Member {
  @PrimaryGeneratedColumn()
  id!: number;

  @RenamedFrom('name')
  @Column({ name: 'full_name' })
  fullName!: string;

  @RenamedFrom({ enum: 'plan', values: { basic: 'free', premium: 'pro' } })
  @Column({ type: 'simple-enum', enum: Tier, enumName: 'tier' })
  tier!: Tier;

  @Column({ type: 'simple-enum', enum: Tier, enumName: 'tier', nullable: true })
  previousTier!: Tier | null;
}
