export * from './client-policy';
export * from './app-client-checks';
