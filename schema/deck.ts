import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Card } from './card';
import { DeckLevel } from './enums';
import { User } from './user';

@Entity('decks')
@Index('IDX_decks_public_language', ['language'], { where: '"isPublic" = true' })
export class Deck {
  @PrimaryGeneratedColumn()
  id: number;

  /** Decks outlive their author: deleting a user keeps the deck, ownerless. */
  @ManyToOne(() => User, (user) => user.decks, { onDelete: 'SET NULL', nullable: true })
  owner: User | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'simple-enum', enum: DeckLevel, enumName: 'deck_level', default: DeckLevel.A1 })
  level: DeckLevel;

  @Column({ type: 'varchar', length: 8 })
  language: string;

  @Column({ type: 'boolean', default: false })
  isPublic: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @OneToMany(() => Card, (card) => card.deck)
  cards: Card[];
}
