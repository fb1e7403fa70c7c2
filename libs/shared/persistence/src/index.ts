export * from './persistence.module';
export * from './insert-ignoring-duplicates';
export * from './read-models/upsert-if-newer';
export * from './read-models/repath';
export * from './database-unavailable';
