export * from './system';
export * from './org';
