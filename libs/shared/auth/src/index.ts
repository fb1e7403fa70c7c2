export * from './roles';
export * from './principal';
export * from './area-scope';
export * from './jwt';
export * from './auth.guard';
