import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { compileEntities } from '../src/compile/compile';
import { CompileError } from '../src/errors/errors';

describe('PostgreSQL identifier length', () => {
  it('refuses a name over 63 bytes (counting bytes: 16 emoji are 64), naming the entity, instead of letting PostgreSQL truncate it', async () => {
    @Entity('short')
    class Long {
      @PrimaryGeneratedColumn() id!: number;
      @Column({ name: '🙂'.repeat(16) }) emoji!: string;
    }
    await expect(compileEntities([Long], 'postgres')).rejects.toThrow(
      new CompileError(`column name "${'🙂'.repeat(16)}" of entity Long is 64 bytes long; PostgreSQL allows 63 and would truncate it`),
    );
    @Entity('fits')
    class Fits {
      @PrimaryGeneratedColumn() id!: number;
      @Column({ name: 'é'.repeat(31) + 'x' }) col!: string;
    }
    await expect(compileEntities([Fits], 'postgres')).resolves.toBeDefined();
    await expect(compileEntities([Long], 'sqlite')).resolves.toBeDefined();
  });
});
