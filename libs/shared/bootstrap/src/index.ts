export * from './service-defaults.module';
export * from './bootstrap-service';
export * from './metrics.controller';
