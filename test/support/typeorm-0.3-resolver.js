'use strict';
/**
 * Jest resolver of the `typeorm-0.3` project (jest.config.js): `typeorm` and `typeorm/<path>` resolve to TypeORM 0.3
 * (the dev alias `typeorm-0.3`) wherever they are asked for, including schemaplan's own
 * `require.resolve('typeorm', { paths })` that finds the app's TypeORM. Everything else resolves as usual.
 */
module.exports = (request, options) => {
  const match = /^typeorm(\/.*)?$/.exec(request);
  return options.defaultResolver(match ? `typeorm-0.3${match[1] ?? ''}` : request, options);
};
