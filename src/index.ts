export * from './rules';
export * from './app-client';
