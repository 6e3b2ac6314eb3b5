import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuthorProfile } from './entity/author-profile';
import { BookItem } from './entity/book-item';
import { SnakeNamingStrategy } from './snake-naming';

/** A TypeORM project's data source, as its app and TypeORM's CLI use it (tests copy the folder and rewrite this file). */
export const AppDataSource = new DataSource({
  type: 'better-sqlite3',
  database: 'data/app.sqlite',
  entities: [AuthorProfile, BookItem],
  namingStrategy: new SnakeNamingStrategy(),
});
