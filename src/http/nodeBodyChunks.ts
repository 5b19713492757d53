import { watchPrematureClose } from './prematureClose';

/**
 * The chunks of a Node Readable body (node-fetch 2 under cross-fetch), or `undefined` when the body is
 * not one. The browser build swaps this module for `nodeBodyChunks.browser.ts`: no such body exists there.
 *
 * @internal
 */
export const nodeBodyChunks = (body: unknown): AsyncGenerator<Uint8Array> | undefined =>
  typeof body === 'object' && body !== null && Symbol.asyncIterator in body
    ? readNodeBody(body as AsyncIterable<Uint8Array | string>)
    : undefined;

async function* readNodeBody(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  // node-fetch 2 never ends nor errors a body whose connection broke: see prematureClose.ts.
  const unwatch = watchPrematureClose(body);
  try {
    for await (const chunk of body) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  } finally {
    unwatch();
  }
}
