export * from './rules';
export * from './app-client';
export * from './policy';
