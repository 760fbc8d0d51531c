export * from './types';
export * from './client-rules';
export * from './template';
