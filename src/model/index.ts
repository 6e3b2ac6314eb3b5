export * from './types';
export * from './names';
export * from './normalize';
export * from './empty';
export * from './index-keys';
