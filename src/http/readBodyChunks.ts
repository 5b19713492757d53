import type { FetchResponseLike } from '../config/FetchLike';
import { watchPrematureClose } from './prematureClose';

interface WebStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
}

const isWebStream = (body: unknown): body is WebStream =>
  typeof body === 'object' && body !== null && typeof (body as WebStream).getReader === 'function';

const isAsyncIterable = (body: unknown): body is AsyncIterable<Uint8Array> =>
  typeof body === 'object' && body !== null && Symbol.asyncIterator in body;

interface NodeReadable {
  destroy(error?: Error): void;
  readonly destroyed?: boolean;
}

const isNodeReadable = (body: unknown): body is NodeReadable =>
  typeof body === 'object' && body !== null && typeof (body as NodeReadable).destroy === 'function';

const abortError = (signal: AbortSignal): Error =>
  signal.reason instanceof Error
    ? signal.reason
    : Object.assign(new Error('The request was aborted'), { name: 'AbortError' });

/**
 * Yields the body's chunks as they arrive, whichever fetch made the response: a WHATWG stream (Node's
 * fetch, browsers) or a Node Readable (node-fetch under cross-fetch). Falls back to one buffered chunk.
 *
 * `signal` is the request's own: once it aborts, reading stops with its reason and the body is
 * destroyed, whether or not the fetch ends the body itself. node-fetch 2 does not: it signals an abort
 * by emitting `error` on the body once, so a body aborted before we started iterating it (a consumer
 * that unsubscribes on the first `Downloading` event) would never end, and its reader, its partial
 * body and the client's request slot would stay taken for good.
 *
 * @internal
 */
export async function* readBodyChunks(
  response: FetchResponseLike,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const body = response.body;
  // A function, not a narrowed property: the signal can abort at any await below.
  const aborted = (): boolean => signal?.aborted === true;
  if (signal !== undefined && aborted()) {
    if (isNodeReadable(body) && body.destroyed !== true) body.destroy();
    else if (isWebStream(body))
      await body
        .getReader()
        .cancel()
        .catch(() => undefined);
    throw abortError(signal);
  }
  if (isWebStream(body)) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        // A fetch that ignored the abort must not pass a cut-off body for a complete one.
        if (signal !== undefined && aborted()) throw abortError(signal);
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
    const onAbort = (): void => {
      if (signal !== undefined && isNodeReadable(body)) body.destroy(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const chunk of body)
        yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      unwatch();
    }
  } else {
    yield new Uint8Array(await response.arrayBuffer());
  }
}
