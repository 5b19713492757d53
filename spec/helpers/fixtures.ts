import crossFetch from 'cross-fetch';
import * as E from 'fp-ts/lib/Either.js';
import { createProductApi, type ProductApi } from '../../src/api';
import type { FetchLike } from '../../src/config/FetchLike';
import {
  normalizeConfig,
  type NormalizedConfig,
  type PlanviewerConfig,
} from '../../src/config/normalizeConfig';
import type { PlanviewerError } from '../../src/errors';
import type { LoopbackServer } from './loopbackServer';

/** Invented credentials; the secret has non-Latin-1 characters so that UTF-8 encoding is exercised. */
export const KEY = 'a1b2c3d4e5f6';
export const SECRET = 's3cr3t-é-€-v4lu3';
/** What the server must see in `authorization`. */
export const BASIC = `Basic ${Buffer.from(`${KEY}:${SECRET}`, 'utf8').toString('base64')}`;

/** The two fetch implementations every integration spec runs with. */
export const fetchImplementations: ReadonlyArray<readonly [string, FetchLike]> = [
  ['cross-fetch', crossFetch as unknown as FetchLike],
  ['globalThis.fetch', globalThis.fetch as unknown as FetchLike],
];

export const API_PREFIX = '/product_api/v1';

/** Documented example uuids (API reference §5). */
export const LOCATION = '5b0c3f0e-1d2a-4c8e-9f10-2a3b4c5d6e7f';
export const INTENTION = 'c1d2e3f4-0000-4a1b-8c2d-111111111111';
export const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';

/** A deterministic uuid from a number. */
export const uuidOf = (n: number): string => {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
};

/** A normalized config for a loopback server, or a thrown test failure. */
export const configFor = (
  server: Pick<LoopbackServer, 'origin'>,
  fetch: FetchLike,
  overrides: Partial<PlanviewerConfig> = {},
): NormalizedConfig => {
  const result = normalizeConfig({
    credentials: { key: KEY, secret: SECRET },
    baseUrl: server.origin,
    fetch,
    ...overrides,
  });
  if (E.isLeft(result)) throw new Error(`config refused: ${JSON.stringify(result.left)}`);
  return result.right;
};

export const apiFor = (
  server: Pick<LoopbackServer, 'origin'>,
  fetch: FetchLike,
  overrides: Partial<PlanviewerConfig> = {},
): ProductApi => createProductApi(configFor(server, fetch, overrides));

/** The Left of an Either, or a test failure naming the Right. */
export const leftOf = (result: E.Either<PlanviewerError, unknown>): PlanviewerError => {
  if (E.isRight(result)) throw new Error(`expected a Left, got Right ${String(result.right)}`);
  return result.left;
};

/** The Right of an Either, or a test failure naming the Left. */
export const rightOf = <L, A>(result: E.Either<L, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected a Right, got Left ${JSON.stringify(result.left)}`);
  return result.right;
};

/** The `errors` of a DecodeError, or a test failure naming the other error. */
export const decodeErrorsOf = (e: PlanviewerError): readonly string[] => {
  if (e._tag !== 'DecodeError') throw new Error(`expected a DecodeError, got ${JSON.stringify(e)}`);
  return e.errors;
};
