export * from './health.module';
export * from './kafka.health';
export * from './mongo.health';
