export * from './persistence.module';
export * from './insert-ignoring-duplicates';
