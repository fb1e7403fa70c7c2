export * from './errors/http-error.filter';
export * from './idempotency/idempotency.store';
export * from './idempotency/idempotency.interceptor';
export * from './tracing/http-tracing.middleware';
export * from './pagination/pagination';
export * from './metrics/http-metrics.middleware';
export * from './body/request-body';
export * from './query/strict-query.middleware';
