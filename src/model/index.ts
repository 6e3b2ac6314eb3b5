export * from './types';
export * from './names';
export * from './normalize';
export * from './empty';
export * from './renames';
export * from './view-dependencies';
export * from './index-keys';
export * from './hash';
