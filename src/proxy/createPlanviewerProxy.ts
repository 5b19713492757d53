import type * as http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as E from 'fp-ts/lib/Either.js';
import type { CredentialsInput } from '../config/Credentials';
import type { FetchLike } from '../config/FetchLike';
import { LIBRARY_VERSION, normalizeConfig } from '../config/normalizeConfig';
import { PlanviewerConfigError } from '../client/PlanviewerConfigError';
import { productApiRoute } from './productApiRoutes';

/**
 * Options of {@link createPlanviewerProxy}. Only `credentials` is required.
 *
 * @since 0.1.0
 * @category model
 */
export interface PlanviewerProxyOptions {
  /** The access key id and secret. They stay in this process: no response, log line or error holds them. */
  readonly credentials: CredentialsInput;
  /**
   * Where the Product API lives (https, or http to loopback only).
   * @default 'https://www.planviewer.nl'
   */
  readonly target?: string;
  /**
   * The path before `/product_api/v1` in requests that reach the handler, such as `'/planviewer'` when the
   * browser client has `baseUrl: '/planviewer'` and the handler sees full paths (plain `node:http`).
   * Express and Connect strip the path given to `app.use`, so leave it out there.
   * @default ''
   */
  readonly mountPath?: string;
  /**
   * Largest request body forwarded (an order or search is a few hundred bytes).
   * @default 65536
   */
  readonly maxRequestBodyBytes?: number;
  /**
   * The fetch used to call the API.
   * @default the platform's fetch
   */
  readonly fetch?: FetchLike;
}

/**
 * A `node:http` request handler that is also Express/Connect middleware: called with `next`, it passes on
 * every request outside `<mountPath>/product_api/v1/`.
 *
 * @since 0.1.0
 * @category model
 */
export type PlanviewerProxy = (
  req: http.IncomingMessage & { body?: unknown },
  res: http.ServerResponse,
  next?: (error?: unknown) => void,
) => void;

const API_PREFIX = '/product_api/v1/';
/** Response headers a browser may see; never `set-cookie`, `www-authenticate` (a login prompt) or `location`. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'retry-after', 'last-modified'] as const;

const answer = (res: http.ServerResponse, status: number, message: string, headers = {}): void => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify([{ error: 'true', message }]);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
};

/** The request body: the raw bytes, or what a body parser (Express `json()`) already read. */
const readBody = async (
  req: http.IncomingMessage & { body?: unknown },
  limit: number,
): Promise<string | 'too large'> => {
  if (req.readableEnded && req.body !== undefined) {
    const parsed = req.body;
    const text =
      typeof parsed === 'string'
        ? parsed
        : Buffer.isBuffer(parsed)
          ? parsed.toString('utf8')
          : JSON.stringify(parsed);
    return Buffer.byteLength(text) > limit ? 'too large' : text;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) return 'too large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A small, safe proxy for browser apps: the browser client has no credentials and talks to your server,
 * this handler adds Basic auth and forwards only the Product API calls planviewer-rx makes (method, path,
 * uuid segments checked), streams downloads through, and never reflects the secret: the browser's own
 * `Authorization` and cookies are not forwarded, and the API's `WWW-Authenticate`, `Set-Cookie` and
 * redirects never come back. Throws a `PlanviewerConfigError` for invalid options.
 *
 * @example
 * import * as http from 'node:http';
 * import { createPlanviewerProxy } from 'planviewer-rx/proxy';
 *
 * const proxy = createPlanviewerProxy({
 *   credentials: { key: process.env.PLANVIEWER_KEY!, secret: process.env.PLANVIEWER_SECRET! },
 *   mountPath: '/planviewer',
 * });
 * http.createServer(proxy).listen(8080); // browser: createPlanviewer({ baseUrl: '/planviewer' })
 * // Express: app.use('/planviewer', createPlanviewerProxy({ credentials }));
 *
 * @since 0.1.0
 * @category constructors
 */
export const createPlanviewerProxy = (options: PlanviewerProxyOptions): PlanviewerProxy => {
  const normalized = normalizeConfig({
    credentials: options.credentials,
    ...(options.target === undefined ? {} : { baseUrl: options.target }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  if (E.isLeft(normalized)) throw new PlanviewerConfigError(normalized.left);
  const { apiRoot, credentials, fetch: callFetch } = normalized.right;
  if (credentials === null)
    throw new PlanviewerConfigError({
      _tag: 'InvalidInput',
      field: 'credentials',
      reason: 'the proxy adds the credentials: give { key, secret }',
    });
  const mountPath = (options.mountPath ?? '').replace(/\/+$/, '');
  if (mountPath !== '' && !mountPath.startsWith('/'))
    throw new PlanviewerConfigError({
      _tag: 'InvalidInput',
      field: 'mountPath',
      reason: "expected a path such as '/planviewer'",
    });
  const maxBody = options.maxRequestBodyBytes ?? 64 * 1024;
  const prefix = `${mountPath}${API_PREFIX}`;

  const forward = async (
    req: http.IncomingMessage & { body?: unknown },
    res: http.ServerResponse,
    path: string,
    query: string,
  ): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const verdict = productApiRoute(method, path);
    if (verdict.kind === 'unknown') return answer(res, 404, 'Not a Product API call this proxy forwards');
    if (verdict.kind === 'method not allowed')
      return answer(res, 405, 'Method not allowed', { allow: verdict.allow });
    const body = method === 'POST' ? await readBody(req, maxBody) : undefined;
    if (body === 'too large') return answer(res, 413, `Request body larger than ${maxBody} bytes`);

    // Ends the upstream request when the browser goes away (a cancelled download, a closed tab).
    const controller = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) controller.abort();
    };
    res.on('close', onClose);
    let upstream: Awaited<ReturnType<FetchLike>>;
    try {
      upstream = await callFetch(`${apiRoot}/${path}${query}`, {
        method,
        headers: {
          accept: req.headers.accept ?? '*/*',
          'user-agent': `planviewer-rx-proxy/${LIBRARY_VERSION}`,
          authorization: credentials.authorization(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch {
      // The cause may name hosts and ports of the server side; the browser learns only that it failed.
      return controller.signal.aborted
        ? undefined
        : answer(res, 502, 'The Planviewer API could not be reached');
    }
    if (upstream.status >= 300 && upstream.status < 400) {
      await upstream.text().catch(() => '');
      return answer(
        res,
        502,
        `The Planviewer API answered with a redirect (${upstream.status}); not followed`,
      );
    }
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    // fetch has decoded any content-encoding, so a length is only true of an unencoded body.
    const length = upstream.headers.get('content-length');
    if (length !== null && upstream.headers.get('content-encoding') === null)
      headers['content-length'] = length;
    res.writeHead(upstream.status, headers);
    const stream = upstream.body;
    if (stream === null || stream === undefined) {
      res.end();
      return;
    }
    const readable =
      typeof (stream as { getReader?: unknown }).getReader === 'function'
        ? Readable.fromWeb(stream as Parameters<typeof Readable.fromWeb>[0])
        : (stream as NodeJS.ReadableStream);
    await pipeline(readable, res).catch(() => {
      controller.abort();
      res.destroy();
    });
    res.off('close', onClose);
  };

  return (req, res, next) => {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    if (!path.startsWith(prefix)) {
      if (next !== undefined) next();
      else answer(res, 404, 'Not found');
      return;
    }
    const query = mark < 0 ? '' : url.slice(mark);
    forward(req, res, path.slice(prefix.length), query).catch((error: unknown) => {
      if (next !== undefined && !res.headersSent) next(error);
      else answer(res, 500, 'Proxy failure');
    });
  };
};
