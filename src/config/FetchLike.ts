/**
 * The subset of the WHATWG `fetch` the client uses. cross-fetch is the default; Node's own `fetch`,
 * undici, or a test double can be injected.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * declare const key: string;
 * declare const secret: string;
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
  readonly headers: { get(name: string): string | null };
  /** A WHATWG stream (Node's fetch, browsers) or a Node Readable (node-fetch 2 under cross-fetch). */
  readonly body: unknown;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}
