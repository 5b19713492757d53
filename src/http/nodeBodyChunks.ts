import { abortError } from './abortError';
import { watchPrematureClose } from './prematureClose';

interface NodeReadable {
  destroy(error?: Error): void;
  readonly destroyed?: boolean;
}

const isNodeReadable = (body: unknown): body is NodeReadable =>
  typeof body === 'object' && body !== null && typeof (body as NodeReadable).destroy === 'function';

/**
 * The chunks of a Node Readable body (node-fetch 2 under cross-fetch), or `undefined` when the body is
 * not one. The browser build swaps this module for `nodeBodyChunks.browser.ts`: no such body exists there.
 *
 * @internal
 */
export const nodeBodyChunks = (
  body: unknown,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> | undefined =>
  typeof body === 'object' && body !== null && Symbol.asyncIterator in body
    ? readNodeBody(body as AsyncIterable<Uint8Array | string>, signal)
    : undefined;

async function* readNodeBody(
  body: AsyncIterable<Uint8Array | string>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  // node-fetch 2 reports an abort by one `error` event on the body: one emitted before we listen is lost
  // and the body never ends. So an abort destroys the body here, whenever it comes.
  if (signal?.aborted === true) {
    if (isNodeReadable(body) && body.destroyed !== true) body.destroy();
    throw abortError(signal);
  }
  // node-fetch 2 never ends nor errors a body whose connection broke: see prematureClose.ts.
  const unwatch = watchPrematureClose(body);
  const onAbort = (): void => {
    if (signal !== undefined && isNodeReadable(body)) body.destroy(abortError(signal));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of body) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unwatch();
  }
}
