import type { FetchResponseLike } from '../config/FetchLike';
import { watchPrematureClose } from './prematureClose';

interface WebStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}

const isWebStream = (body: unknown): body is WebStream =>
  typeof body === 'object' && body !== null && typeof (body as WebStream).getReader === 'function';

const isAsyncIterable = (body: unknown): body is AsyncIterable<Uint8Array> =>
  typeof body === 'object' && body !== null && Symbol.asyncIterator in body;

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
  } else if (isAsyncIterable(body)) {
    // node-fetch 2 never ends nor errors a body whose connection broke: see prematureClose.ts.
    const unwatch = watchPrematureClose(body);
    try {
      for await (const chunk of body)
        yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    } finally {
      unwatch();
    }
  } else {
    yield new Uint8Array(await response.arrayBuffer());
  }
}
