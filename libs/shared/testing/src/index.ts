export * from './test-env';
export * from './topic-probe';
export * from './raw-producer';
export * from './tokens';
export * from './explain';
export * from './openapi-responses';
export * from './openapi-answers';
export * from './create-topics';
