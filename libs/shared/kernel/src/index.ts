export * from './application-error';
export * from './uuidv7';
export * from './cursor';
export * from './text';
export * from './concurrent-change';
