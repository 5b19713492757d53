import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { toJobUuid } from '../codecs/JobUuid';
import type { InvalidInput } from '../errors/PlanviewerError';
import { statusRequest } from './productApiRequests';
import { urlOf, type RequestSpec } from './RequestSpec';
import { validateUuidList } from './uuid';

/**
 * Splits a status call for many jobs into requests whose URL stays within `maxUrlLength` characters
 * (servers and proxies commonly refuse URLs over 8 KB; the docs give no limit).
 *
 * @example
 * import { statusBatches } from './statusBatches';
 * declare const manyJobUuids: readonly string[];
 * const specs = statusBatches('https://x/product_api/v1', manyJobUuids, 8000);
 * // Right([spec for the first ~160 jobs, spec for the rest])
 *
 * @since 0.1.0
 * @category endpoints
 */
export const statusBatches = (
  apiRoot: string,
  jobs: readonly string[],
  maxUrlLength: number,
): E.Either<InvalidInput, readonly RequestSpec[]> =>
  pipe(
    validateUuidList('jobs', jobs),
    // Sent in the canonical lower case: the server does not care, and every answer is matched on it.
    E.map((valid) => valid.map((uuid) => toJobUuid(uuid) ?? uuid)),
    E.map((uuids) => {
      const base = urlOf(apiRoot, statusRequest([])).length + 1;
      // `uuids%5B%5D=` and a uuid (36 characters) and the `&` before the next one.
      const perJob = urlOf('', statusRequest([''])).length - '/jobs/status?'.length + 37;
      const perRequest = Math.max(1, Math.floor((maxUrlLength - base) / perJob));
      const batches: RequestSpec[] = [];
      for (let i = 0; i < uuids.length; i += perRequest)
        batches.push(statusRequest(uuids.slice(i, i + perRequest)));
      return batches;
    }),
  );
