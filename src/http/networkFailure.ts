/**
 * Error codes that prove the request never left this machine: name resolution, connection refused, no
 * route, TLS verification. Anything else may have reached the server.
 */
const NOTHING_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What a thrown fetch error says, whichever fetch threw it. @internal */
export interface NetworkFailure {
  readonly code?: string;
  readonly message: string;
  readonly provesNothingSent: boolean;
}

const codeOf = (e: unknown): string | undefined => {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as { code?: unknown; errno?: unknown; cause?: unknown };
  if (typeof o.code === 'string') return o.code;
  if (typeof o.errno === 'string') return o.errno;
  // Node's own fetch (undici) wraps the system error: TypeError('fetch failed', { cause }).
  return o.cause === undefined ? undefined : codeOf(o.cause);
};

const messageOf = (e: unknown): string => {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message !== '' && cause.message !== e.message
    ? `${e.message}: ${cause.message}`
    : e.message;
};

/**
 * Reads a fetch failure: cross-fetch (node-fetch 2) puts `code` on the error, Node's fetch on its `cause`.
 *
 * @internal
 */
export const describeNetworkFailure = (e: unknown): NetworkFailure => {
  const code = codeOf(e);
  const message = messageOf(e);
  return code === undefined
    ? { message, provesNothingSent: false }
    : { code, message, provesNothingSent: NOTHING_SENT.has(code) };
};
