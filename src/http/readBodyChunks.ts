import type { FetchResponseLike } from '../config/FetchLike';
import { nodeBodyChunks } from './nodeBodyChunks';

interface WebStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}

const isWebStream = (body: unknown): body is WebStream =>
  typeof body === 'object' && body !== null && typeof (body as WebStream).getReader === 'function';

/**
 * Yields the body's chunks as they arrive, whichever fetch made the response: a WHATWG stream (Node's
 * fetch, browsers) or a Node Readable (node-fetch under cross-fetch). Falls back to one buffered chunk.
 *
 * `signal` is the request's own: once it aborts, reading stops with its reason and the body is
 * destroyed, whether or not the fetch ends the body itself. node-fetch 2 does not: it signals an abort
 * by emitting `error` on the body once, so a body aborted before we started iterating it (a consumer
 * that unsubscribes on the first `Downloading` event) would never end, and its reader, its partial
 * body and the client's request slot would stay taken for good (see nodeBodyChunks.ts).
 *
 * @internal
 */
export async function* readBodyChunks(
  response: FetchResponseLike,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const body = response.body;
  if (isWebStream(body)) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        // A fetch that ignored the abort must not pass a cut-off body for a complete one.
        signal?.throwIfAborted();
        if (done) return;
        if (value !== undefined) yield value;
      }
    } finally {
      // Ends the transfer when the consumer stops early (abort, error).
      await reader.cancel().catch(() => undefined);
    }
  }
  const nodeBody = nodeBodyChunks(body, signal);
  if (nodeBody !== undefined) {
    yield* nodeBody;
    return;
  }
  signal?.throwIfAborted();
  yield new Uint8Array(await response.arrayBuffer());
}
