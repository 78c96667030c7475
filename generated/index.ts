// Code generated from asyncapi.yaml. DO NOT EDIT.

export * from './codes.js';
export * from './envelope-validation.js';
export * from './field-errors.js';
export * from './kafka.js';
export * from './models.js';
export * from './payload-validation.js';
export * from './patterns.js';
export * from './routes.js';
export * from './topics.js';
export * from './user-messages.js';
export * from './validation.js';
export * from './validators.js';
