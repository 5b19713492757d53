export * from './uuid';
export * from './RequestSpec';
export * from './locationQuery';
export * from './productApiRequests';
export * from './statusBatches';
