import type { FetchLike } from './FetchLike';

/**
 * The platform's `fetch` (browsers, Node 18+, Deno, Bun), looked up on every call so that a fetch patched
 * in later (a test's mock service worker, an APM agent) is the one used. Called as a method of
 * `globalThis`, never of another object: browsers throw "Illegal invocation" otherwise.
 *
 * @internal
 */
export const platformFetch: FetchLike = (input, init) =>
  (globalThis.fetch as unknown as FetchLike)(input, init);

/**
 * cross-fetch, loaded on the first call only: runtimes without a platform fetch are the only ones that
 * need it, and everyone else never loads it.
 *
 * @internal
 */
export const crossFetchFallback: FetchLike = async (input, init) => {
  const loaded = (await import('cross-fetch')) as { default?: unknown };
  // CommonJS interop: the module object, its `default`, or a `default` nested once more.
  const candidate = typeof loaded.default === 'function' ? loaded.default : loaded;
  const fetch = (
    typeof candidate === 'function' ? candidate : (candidate as { default: unknown }).default
  ) as FetchLike;
  return fetch(input, init);
};

/**
 * The fetch a client uses when none is given: the platform's where there is one, cross-fetch where
 * there is none. The browser build replaces this module with one that has no cross-fetch in it.
 *
 * @internal
 */
export const defaultFetch = (): FetchLike =>
  typeof globalThis.fetch === 'function' ? platformFetch : crossFetchFallback;
