export * from './PlanviewerError';
export * from './describeError';
export * from './errorFromResponse';
