import type { TypeormLine } from '../../src/typeorm/versions';

declare const TYPEORM_LINE: TypeormLine;

/**
 * The TypeORM line the current Jest project runs with (jest.config.js: `typeorm-1`, or `typeorm-0.3` whose resolver
 * puts TypeORM 0.3 in place of `typeorm`). Where the lines rightly differ, a test states both outcomes with this.
 */
export const TEST_TYPEORM_LINE: TypeormLine = TYPEORM_LINE;
