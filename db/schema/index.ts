export * from './system';
export * from './org';
export * from './accounts';
export * from './documents';
export * from './plans';
export * from './progress';
export * from './notices';
export * from './checks';
