import { ViewColumn, ViewEntity } from 'typeorm';

@ViewEntity({ name: 'order_stats', materialized: true, expression: 'SELECT COUNT(*) AS "count" FROM "orders"' })
export class OrderStats {
  @ViewColumn()
  count: number;
}
