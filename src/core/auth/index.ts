export * from './authorize.js';
export * from './claims.js';
export * from './identity-patterns.js';
export * from './issuer-patterns.js';
export type * from './ports.js';
export * from './token-extraction.js';
