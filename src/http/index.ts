export * from './retryAfter';
export * from './resultFilename';
export { sendRequest, type CallOptions } from './sendRequest';
export { readResultFile, type DownloadProgress } from './readResultFile';
