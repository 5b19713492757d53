import type { NetworkFailure } from './networkFailure';

/**
 * The browser build's stand-in for `networkFailure.ts`: a browser's fetch rejects with a bare
 * `TypeError` ("Failed to fetch") that carries no system error code, so nothing here can prove a request
 * was not sent; the Node codes (ECONNREFUSED, ENOTFOUND, TLS…) never occur and are left out.
 *
 * @internal
 */
export const describeNetworkFailure = (e: unknown): NetworkFailure => ({
  message: e instanceof Error ? e.message : String(e),
  provesNothingSent: false,
});
