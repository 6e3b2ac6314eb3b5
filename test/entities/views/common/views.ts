import { DataSource, ViewColumn, ViewEntity } from 'typeorm';
import { Order } from './order';

@ViewEntity({ name: 'big_orders', expression: 'SELECT "id", "total" FROM "orders" WHERE "total" > 100' })
export class BigOrder {
  @ViewColumn()
  id: number;

  @ViewColumn()
  total: number;
}

/** A view over a view and a table, built with a query builder. */
@ViewEntity({
  name: 'order_summary',
  dependsOn: [BigOrder],
  expression: (dataSource: DataSource) =>
    dataSource
      .createQueryBuilder()
      .select('o.code', 'code')
      .addSelect('COUNT(b.id)', 'big')
      .from(Order, 'o')
      .leftJoin(BigOrder, 'b', 'b.id = o.id')
      .groupBy('o.code'),
})
export class OrderSummary {
  @ViewColumn()
  code: string;

  @ViewColumn()
  big: number;
}
