/**
 * Notices a response body cut short under node-fetch 2 (what cross-fetch uses on Node).
 *
 * Why this exists: node-fetch 2 pipes Node's `IncomingMessage` into a `PassThrough` and hands that out as
 * the body. When the connection closes before the body is complete (a reset, or a polite close short of
 * `Content-Length`), Node destroys the `IncomingMessage` quietly and the pipe leaves the `PassThrough`
 * open: it neither ends nor errors, so a reader waits for the download idle timeout (30 s by default,
 * per attempt). Node's own fetch and browsers report the broken body at once.
 *
 * Node publishes every outgoing HTTP request on the `http.client.request.start` diagnostics channel. We
 * listen there (once, only in Node, only after a body of that kind was read) for a response that closes
 * incomplete, and destroy with an error each body it pipes into that we are reading, so our reader fails
 * within moments of the close. Bodies we are not reading are never touched.
 *
 * @internal
 */

interface NodeStream {
  destroy(error?: Error): void;
  readonly destroyed?: boolean;
}
interface IncomingMessageLike {
  readonly complete: boolean;
  readonly _readableState?: { readonly pipes?: unknown };
  once(event: 'close', listener: () => void): void;
}
interface ClientRequestLike {
  once(event: 'response', listener: (res: IncomingMessageLike) => void): void;
}
interface DiagnosticsChannel {
  subscribe(name: string, listener: (message: unknown) => void): void;
}

/** Bodies a reader of ours is iterating now. */
const watched = new WeakSet<object>();
/** Bodies whose connection closed incomplete before anyone started reading them. */
const cutShort = new WeakSet<object>();
let installed = false;

const prematureClose = (): Error =>
  Object.assign(new Error('Premature close: the connection closed before the body was complete'), {
    code: 'ERR_STREAM_PREMATURE_CLOSE',
  });

const isNodeStream = (body: unknown): body is NodeStream & object =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as NodeStream).destroy === 'function' &&
  typeof (body as { pipe?: unknown }).pipe === 'function';

const pipesOf = (res: IncomingMessageLike): readonly unknown[] => {
  const pipes = res._readableState?.pipes;
  return Array.isArray(pipes) ? pipes : pipes === undefined || pipes === null ? [] : [pipes];
};

const onRequest = (message: unknown): void => {
  const request = (message as { request?: ClientRequestLike } | null)?.request;
  request?.once('response', (res) => {
    res.once('close', () => {
      if (res.complete) return;
      for (const dest of pipesOf(res)) {
        if (!isNodeStream(dest) || dest.destroyed === true) continue;
        if (watched.has(dest)) dest.destroy(prematureClose());
        else cutShort.add(dest);
      }
    });
  });
};

const install = (): void => {
  if (installed) return;
  installed = true;
  // `process.getBuiltinModule` (Node 20.16+) keeps this free of imports a browser bundle would trip on.
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const channel = getBuiltin?.('node:diagnostics_channel') as DiagnosticsChannel | undefined;
  channel?.subscribe('http.client.request.start', onRequest);
};

/**
 * Starts watching a Node-stream body for a premature close; returns the function that stops it. Does
 * nothing for other bodies (WHATWG streams report a broken connection themselves).
 *
 * @internal
 */
export const watchPrematureClose = (body: unknown): (() => void) => {
  if (!isNodeStream(body)) return () => undefined;
  install();
  if (cutShort.has(body)) {
    body.destroy(prematureClose());
    return () => undefined;
  }
  watched.add(body);
  return () => {
    watched.delete(body);
  };
};
