export * from './users';
export * from './sessions';
export * from './tokens';
export * from './audit';
export * from './policies';
export * from './mail';
export * from './rate-limits';
export * from './jobs';
