export * from './decode';
export * from './Product';
export * from './Location';
export * from './Intention';
export * from './OrderedJob';
export * from './JobStatus';
export * from './KikWaiting';
export * from './KadasterDocument';
