/**
 * The browser build's stand-in for `prematureClose.ts`: a browser's fetch reports a body cut short by
 * itself, and node-fetch never runs there, so there is nothing to watch.
 *
 * @internal
 */
export const watchPrematureClose =
  (_body: unknown): (() => void) =>
  () =>
    undefined;
