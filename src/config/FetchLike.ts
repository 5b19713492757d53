/**
 * The subset of the WHATWG `fetch` the client uses. The platform's `fetch` is the default (cross-fetch
 * where there is none); undici, cross-fetch or a test double can be injected. The client calls it as a
 * plain function, so a browser's `fetch` works unbound.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * const pv = createPlanviewer({ credentials: { key, secret }, fetch: globalThis.fetch });
 *
 * @since 0.1.0
 * @category model
 */
export type FetchLike = (
  input: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    redirect: 'manual';
    signal: AbortSignal;
  },
) => Promise<FetchResponseLike>;

/** The subset of a fetch `Response` the client reads. @category model */
export interface FetchResponseLike {
  readonly status: number;
  /** `'opaqueredirect'` for a redirect a browser hides (status 0); absent in some fetch doubles. */
  readonly type?: string;
  readonly headers: { get(name: string): string | null };
  /** A WHATWG stream (Node's fetch, browsers) or a Node Readable (node-fetch 2 under cross-fetch). */
  readonly body: unknown;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}
