import { Column, Entity, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Deck } from './deck';
import { CardDifficulty } from './enums';

@Entity('cards')
@Unique('UQ_cards_deck_front', ['deck', 'front'])
export class Card {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Deck, (deck) => deck.cards, { onDelete: 'CASCADE', nullable: false })
  deck: Deck;

  @Column({ type: 'varchar', length: 500, comment: 'Η μπροστινή πλευρά της κάρτας (the prompt side)' })
  front: string;

  @Column({ type: 'text' })
  back: string;

  /** A Greek default: UTF-8 must survive compile, DDL, catalog and back. */
  @Column({ type: 'varchar', length: 200, default: 'Γεια σου, κόσμε' })
  exampleSentence: string;

  @Column({ type: 'simple-enum', enum: CardDifficulty, enumName: 'card_difficulty', default: CardDifficulty.MEDIUM })
  difficulty: CardDifficulty;
}
