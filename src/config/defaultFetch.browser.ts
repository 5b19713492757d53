import type { FetchLike } from './FetchLike';

/**
 * The browser build's stand-in for `defaultFetch.ts`: every browser has `fetch`, so cross-fetch (CommonJS,
 * and a polyfill no browser needs) never enters a browser bundle. Looked up per call, called on
 * `globalThis` (browsers throw "Illegal invocation" when fetch is called as a method of another object).
 *
 * @internal
 */
export const defaultFetch = (): FetchLike => (input, init) =>
  (globalThis.fetch as unknown as FetchLike)(input, init);
