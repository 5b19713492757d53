/**
 * The error a read stops with once the request's signal aborted: the signal's own reason when it is an
 * Error (what the caller or the timeout gave), else a plain `AbortError`.
 *
 * @internal
 */
export const abortError = (signal: AbortSignal): Error =>
  signal.reason instanceof Error
    ? signal.reason
    : Object.assign(new Error('The request was aborted'), { name: 'AbortError' });
