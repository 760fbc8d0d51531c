export * from './rules';
export * from './app-client';
export * from './policy';
export * from './managed-login-branding';
export * from './terms';
