/**
 * Responses as data: route handlers return a {@link SimResponse} and the server decides how to put it on
 * the wire, which is where faults (truncation, stalls, resets) get their chance to interfere.
 *
 * @internal
 */

/** A body produced piece by piece, so a 50 MB result never exists as one buffer. */
export interface ChunkedBody {
  readonly length: number;
  chunks(): Iterable<Uint8Array>;
}

export type Body = Uint8Array | ChunkedBody;

export interface SimResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Body;
}

export const bodyLength = (body: Body): number =>
  body instanceof Uint8Array ? body.byteLength : body.length;

export const bodyChunks = (body: Body): Iterable<Uint8Array> =>
  body instanceof Uint8Array ? [body] : body.chunks();

/** The API's content type for JSON; no charset parameter, as the reference's examples show none. */
export const JSON_TYPE = 'application/json';

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: Buffer.from(JSON.stringify(value), 'utf8'),
});

/**
 * An error body. Only 401 (this shape) and 429 (see {@link orderCapReached}) are documented; every other
 * status reuses the 401 shape so a client has one thing to parse.
 */
export const apiError = (
  status: number,
  message: string,
  headers: Record<string, string> = {},
): SimResponse => json(status, { error: { code: status, message } }, headers);

export const unauthorized = (): SimResponse => apiError(401, 'Unauthorized');

/** The documented 429 body: an array, `error` the string "true" (§5.4). */
export const orderCapReached = (message: string, headers: Record<string, string> = {}): SimResponse =>
  json(429, [{ error: 'true', message }], headers);

export const ORDER_CAP_MESSAGE =
  'You are trying to order more products than your daily order limit allows. ' +
  'Contact Planviewer to raise the limit.';
