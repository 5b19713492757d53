/**
 * The browser build's stand-in for `nodeBodyChunks.ts`: a browser's fetch gives a WHATWG stream (or no
 * body), never a Node Readable.
 *
 * @internal
 */
export const nodeBodyChunks = (
  _body: unknown,
  _signal?: AbortSignal,
): AsyncGenerator<Uint8Array> | undefined => undefined;
