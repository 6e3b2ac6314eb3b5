import { Index, ViewColumn, ViewEntity } from 'typeorm';

/** A materialized view with an index, which TypeORM creates on PostgreSQL (named by its naming strategy). */
@ViewEntity({ name: 'order_stats', materialized: true, expression: 'SELECT COUNT(*) AS "count" FROM "orders"' })
export class OrderStats {
  @Index()
  @ViewColumn()
  count: number;
}
