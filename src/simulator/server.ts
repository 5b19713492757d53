/**
 * The HTTP side: one request from arrival to the last byte. It logs the request, lets the fault rules
 * pick a fault, runs the route (the "work"), and writes the response, or spoils it as the fault says.
 *
 * @internal
 */
import * as http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Authentication } from './accounts';
import { type Fault, type FaultPicker } from './faults';
import { type MutableEntry, type RequestRecorder } from './requestLog';
import {
  apiError,
  bodyChunks,
  bodyLength,
  json,
  JSON_TYPE,
  type SimResponse,
  unauthorized,
} from './response';
import { matchRoute, type RouteMatch } from './router';
import { type SimulatorState } from './state';

export interface ServerOptions {
  readonly state: SimulatorState;
  readonly requests: RequestRecorder;
  readonly faults: FaultPicker;
  readonly maxUrlLength: number;
  readonly maxBodyBytes: number;
  readonly keepAliveTimeoutMs: number;
  /** Origins allowed to call from a browser page (`'*'` for any); empty for no CORS. */
  readonly corsOrigins: readonly string[];
}

export interface SimulatorServer {
  readonly server: http.Server;
  /** Stops listening, drops every connection and cancels pending fault timers. */
  close(): Promise<void>;
}

export const createServer = (options: ServerOptions): SimulatorServer => {
  // Fault delays and stall timeouts; unref'd so they never keep a process (or Jest) alive, cleared on close.
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => later(ms, resolve));

  const server = http.createServer(
    // Node's default header limit (16 KB) would answer a long status URL with 431 before we see it.
    { maxHeaderSize: Math.max(16 * 1024, options.maxUrlLength + 8 * 1024) },
    (req, res) => {
      if (answerCors(req, res, options.corsOrigins) === 'preflight answered') return;
      handle(req, res, options, later, sleep).catch((error: unknown) => {
        // A defect in the simulator: answer 500 if still possible, so the client is not left hanging.
        if (!res.headersSent && !res.destroyed) {
          const message = error instanceof Error ? error.message : String(error);
          void send(res, apiError(500, `Simulator defect: ${message}`), null);
        } else {
          res.destroy();
        }
      });
    },
  );
  // Long enough to reuse sockets between polls a few seconds apart; headersTimeout must exceed it.
  server.keepAliveTimeout = options.keepAliveTimeoutMs;
  server.headersTimeout = options.keepAliveTimeoutMs + 5_000;
  server.maxRequestsPerSocket = 0;

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/**
 * Opt-in CORS, so a dev page can call the simulator directly: the allowed origin is echoed, the headers a
 * client reads are exposed, and a preflight is answered here, outside the API (not logged, no faults).
 */
const answerCors = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  allowed: readonly string[],
): 'preflight answered' | 'go on' => {
  const origin = req.headers.origin;
  if (allowed.length === 0 || origin === undefined) return 'go on';
  if (!allowed.includes('*') && !allowed.includes(origin)) return 'go on';
  res.setHeader('access-control-allow-origin', allowed.includes('*') ? '*' : origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'Content-Disposition, Content-Length, Retry-After');
  if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return 'go on';
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'Authorization, Content-Type, Accept, User-Agent',
    'access-control-max-age': '600',
    'content-length': '0',
  });
  res.end();
  return 'preflight answered';
};

const handle = async (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: ServerOptions,
  later: (ms: number, action: () => void) => void,
  sleep: (ms: number) => Promise<void>,
): Promise<void> => {
  const { state, requests, faults } = options;
  const now = state.clock.now();
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const query = mark < 0 ? '' : url.slice(mark + 1);
  const method = (req.method ?? 'GET').toUpperCase();
  const match = matchRoute(method, path);
  const auth = state.accounts.authenticate(req.headers.authorization);
  const entry = requests.record({
    route: match.route,
    method,
    path,
    query,
    account: auth.kind === 'valid' ? auth.account.key : null,
    auth: auth.kind,
    time: now,
    realTime: Date.now(),
  });

  const fault = faults.pick(match.route, method);
  entry.fault = fault?.kind ?? null;

  // Faults that strike before the work: nothing changes on the server.
  if (fault !== null) {
    switch (fault.kind) {
      case 'resetBeforeWork':
        reset(req, res);
        return;
      case 'serverError':
        if (fault.afterWork !== true) return send(res, serverError(fault), entry);
        break;
      case 'tooManyRequests':
        return send(
          res,
          json(429, [{ error: 'true', message: 'Too many requests, slow down' }], {
            'retry-after': String(fault.retryAfter ?? 1),
          }),
          entry,
        );
      case 'redirect':
        return send(
          res,
          {
            status: fault.status ?? 307,
            headers: {
              location: fault.keepPath === false ? fault.location : fault.location.replace(/\/$/, '') + url,
            },
            body: Buffer.alloc(0),
          },
          entry,
        );
      case 'delay':
        if (fault.afterWork !== true) await sleep(fault.ms);
        break;
      default:
        break;
    }
  }

  // The work happens at the simulated time it is done, which a delay fault may have moved on from arrival.
  const response = await work(req, options, match, auth, entry, state.clock.now(), url.length);

  if (fault !== null) {
    switch (fault.kind) {
      case 'resetAfterWork':
        reset(req, res);
        return;
      case 'serverError':
        return send(res, serverError(fault), entry);
      case 'delay':
        if (fault.afterWork === true) await sleep(fault.ms);
        break;
      case 'malformedJson':
        return send(res, malformed(response), entry);
      case 'wrongShape':
        return send(res, json(200, fault.body ?? { unexpected: true }), entry);
      case 'stalledBody':
        return stall(res, response, entry, fault.afterBytes, fault.ms, later);
      default:
        break;
    }
  }
  return send(res, response, entry);
};

/** The request proper: everything the real API would do. */
const work = async (
  req: http.IncomingMessage,
  options: ServerOptions,
  match: RouteMatch,
  auth: Authentication,
  entry: MutableEntry,
  now: number,
  urlLength: number,
): Promise<SimResponse> => {
  if (urlLength > options.maxUrlLength) {
    return apiError(
      414,
      `URI too long (${urlLength} > ${options.maxUrlLength}); send fewer uuids per request`,
    );
  }
  if (match.route === 'unknown') return apiError(404, 'Not found');
  if (!('handler' in match) || match.handler === null) {
    return apiError(405, 'Method not allowed', { allow: 'allow' in match ? match.allow : '' });
  }
  if (auth.kind !== 'valid') return unauthorized();
  const raw = await readBody(req, options.maxBodyBytes);
  if (raw === 'too large') return apiError(413, `Request body larger than ${options.maxBodyBytes} bytes`);
  let body: unknown;
  if (raw.length > 0 && req.method !== 'GET') {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return apiError(400, 'Request body is not valid JSON');
    }
  }
  return match.handler({
    state: options.state,
    account: auth.account,
    now,
    param: match.param,
    query: new URLSearchParams(entry.query),
    body,
    note: (uuids) => {
      entry.uuids = [...uuids];
    },
  });
};

const readBody = (req: http.IncomingMessage, limit: number): Promise<Buffer | 'too large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > limit) {
        done = true;
        resolve('too large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });

const send = async (
  res: http.ServerResponse,
  response: SimResponse,
  entry: MutableEntry | null,
): Promise<void> => {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': String(bodyLength(response.body)),
  });
  if (entry !== null) entry.status = response.status;
  const { body } = response;
  if (body instanceof Uint8Array) {
    res.end(body);
    return;
  }
  // Large bodies go out chunk by chunk with backpressure; a client that hangs up just ends the stream.
  await pipeline(Readable.from(body.chunks()), res).catch(() => undefined);
};

/** Headers with the full Content-Length, part of the body, then silence. */
const stall = (
  res: http.ServerResponse,
  response: SimResponse,
  entry: MutableEntry,
  afterBytes: number | undefined,
  ms: number | undefined,
  later: (ms: number, action: () => void) => void,
): void => {
  if (res.destroyed) return;
  const length = bodyLength(response.body);
  res.writeHead(response.status, { ...response.headers, 'content-length': String(length) });
  entry.status = response.status;
  let left = Math.min(afterBytes ?? Math.floor(length / 2), length);
  for (const chunk of bodyChunks(response.body)) {
    if (left <= 0) break;
    const part = chunk.subarray(0, left);
    res.write(part);
    left -= part.byteLength;
  }
  if (ms !== undefined) later(ms, () => res.destroy());
};

/** A TCP reset where the platform allows it (the client sees ECONNRESET), else a plain close. */
const reset = (req: http.IncomingMessage, res: http.ServerResponse): void => {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') {
    try {
      socket.resetAndDestroy();
      return;
    } catch {
      // Not a TCP socket (e.g. a test double): fall through.
    }
  }
  res.destroy();
};

const serverError = (fault: Extract<Fault, { kind: 'serverError' }>): SimResponse => {
  const status = fault.status ?? 503;
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: Buffer.from(
      fault.body ?? `<html><body><h1>${status} ${http.STATUS_CODES[status] ?? 'Error'}</h1></body></html>`,
    ),
  };
};

/** The response it would have been, cut in half: headers intact, JSON unparseable. */
const malformed = (response: SimResponse): SimResponse => {
  const first = bodyChunks(response.body)[Symbol.iterator]().next();
  const text = first.done === true ? '' : Buffer.from(first.value.subarray(0, 4096)).toString('utf8');
  let cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  if (cut.trim() === '' || isJson(cut)) cut = '[{"uuid": ';
  return {
    status: response.status,
    headers: { ...response.headers, 'content-type': JSON_TYPE },
    body: Buffer.from(cut),
  };
};

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
