import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and raw (still percent-encoded) query, exactly as sent: `/product_api/v1/jobs/status?uuids%5B%5D=…`. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The request body as UTF-8 text ('' when none). */
  readonly body: string;
}

/** Answers one request. The body has already been read (see `request.body`). */
export type RouteHandler = (
  request: RecordedRequest,
  res: http.ServerResponse,
  req: http.IncomingMessage,
) => void | Promise<void>;

/** A tiny programmable HTTP server on 127.0.0.1, on a free port. */
export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Answers `method` on `pathname` (the path without the query) with `handler`; replaces an earlier route. */
  route(method: string, pathname: string, handler: RouteHandler): void;
  /** Stops listening and destroys every open connection, so nothing keeps Jest alive. */
  close(): Promise<void>;
}

/** Sends a JSON body with the given status. */
export const sendJson = (res: http.ServerResponse, status: number, value: unknown): void => {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

/** Sends a text body with the given status and extra headers. */
export const sendText = (
  res: http.ServerResponse,
  status: number,
  body: string,
  headers: http.OutgoingHttpHeaders = {},
): void => {
  res.writeHead(status, {
    'content-type': 'text/plain',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
};

/**
 * Starts a server on 127.0.0.1 port 0. Requests without a route get a 599 naming the route, so a missing
 * route shows up in the test's failure instead of hanging.
 */
export const startLoopbackServer = async (): Promise<LoopbackServer> => {
  const routes = new Map<string, RouteHandler>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const pathname = new URL(recorded.url, 'http://127.0.0.1').pathname;
      const handler = routes.get(`${recorded.method} ${pathname}`);
      if (handler === undefined) {
        sendText(res, 599, `loopback: no route for ${recorded.method} ${pathname}`);
        return;
      }
      Promise.resolve(handler(recorded, res, req)).catch((e: unknown) => {
        if (!res.headersSent) sendText(res, 599, `loopback: handler threw ${String(e)}`);
        else res.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    route: (method, pathname, handler) => {
      routes.set(`${method} ${pathname}`, handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago), for "connection refused". */
export const closedPort = async (): Promise<number> => {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};
