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
 * @internal
 */
export async function* readBodyChunks(response: FetchResponseLike): AsyncGenerator<Uint8Array> {
  const body = response.body;
  if (isWebStream(body)) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value !== undefined) yield value;
      }
    } finally {
      // Ends the transfer when the consumer stops early (abort, error).
      await reader.cancel().catch(() => undefined);
    }
    return;
  }
  const nodeBody = nodeBodyChunks(body);
  if (nodeBody !== undefined) yield* nodeBody;
  else yield new Uint8Array(await response.arrayBuffer());
}
