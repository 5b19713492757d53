export * from './results';
export * from './progress';
export * from './failures';
export * from './throwOnLeft';
