/**
 * Messages of a fetch that refused its arguments before opening any connection: a fetch called as a method
 * of another object (Chrome "Illegal invocation", Firefox "does not implement interface", Safari "Can only
 * call Window.fetch on instances of Window"), and Chrome's argument checks ("Failed to execute 'fetch' on
 * 'Window': …"). A network failure after sending reads differently in every browser ("Failed to fetch",
 * "NetworkError when attempting to fetch resource", "Load failed") and in Node ("fetch failed").
 */
const REFUSED_ARGUMENTS =
  /illegal invocation|does not implement interface|can only call \S*fetch|^Failed to execute 'fetch'/i;

/**
 * Whether a fetch rejection proves the request never left: only a `TypeError` whose message is one of the
 * argument refusals above. Anything else may have reached the server, so a paid order is then reported as
 * "outcome unknown", never as "not sent".
 *
 * @internal
 */
export const isRefusedBeforeSending = (error: unknown): boolean =>
  error instanceof TypeError && REFUSED_ARGUMENTS.test(error.message);

/** What `fetch` is given, as far as the platform's `Request` can check it. */
interface RequestInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/**
 * Why the platform would refuse this request before sending it (a malformed URL, a header value it
 * rejects), checked with the platform's own `Request` where there is one; `undefined` when it is fine.
 * Checking first means such a request becomes a plain "not sent" error, whatever fetch is injected.
 *
 * @internal
 */
export const requestRefusal = (url: string, init: RequestInit): string | undefined => {
  const PlatformRequest = (globalThis as { Request?: new (url: string, init: RequestInit) => unknown })
    .Request;
  if (typeof PlatformRequest !== 'function') return undefined;
  try {
    new PlatformRequest(url, init);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
