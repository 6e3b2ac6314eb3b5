/** CEFR level of a deck. Stored as a native enum type `deck_level` on PostgreSQL, a CHECK on SQLite. */
export enum DeckLevel {
  A1 = 'A1',
  A2 = 'A2',
  B1 = 'B1',
  B2 = 'B2',
}

export enum CardDifficulty {
  EASY = 'easy',
  MEDIUM = 'medium',
  HARD = 'hard',
}

export enum CardStatus {
  NEW = 'new',
  LEARNING = 'learning',
  REVIEW = 'review',
  RELEARNING = 'relearning',
  MASTERED = 'mastered',
}

/** A numeric enum: TypeORM stores its values as the labels '1'..'4'. */
export enum ReviewRating {
  AGAIN = 1,
  HARD = 2,
  GOOD = 3,
  EASY = 4,
}
