import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  price: number;

  @Column({ type: 'integer', default: 1 })
  quantity: number;

  @Column({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'integer', generatedType: 'STORED', asExpression: '"price" * "quantity"' })
  total: number;

  @Column({ type: 'varchar', length: 10, nullable: true, generatedType: 'STORED', asExpression: 'upper("code")' })
  codeUpper: string | null;
}
