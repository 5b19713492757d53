import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';
import type { Entity, LocationSearch } from './locationQuery';
import type { RequestSpec } from './RequestSpec';
import { show, validateUuid, validateUuidList } from './uuid';

/*
 * One pure builder per Product API route: validated input in, a RequestSpec out. Nothing here does I/O, so
 * every rule (which uuids are accepted, how the query string looks) is unit-tested without a server.
 */

const other = { kind: 'other' } as const;

/** `GET /products/list`. @category endpoints */
export const productsListRequest = (): RequestSpec => ({
  method: 'GET',
  path: '/products/list',
  accept: 'json',
  call: other,
});

const ENTITIES: readonly Entity[] = ['adres', 'perceel'];

/** `POST /search/structured`. @category endpoints */
export const locationSearchRequest = (search: LocationSearch): E.Either<InvalidInput, RequestSpec> => {
  if (typeof search !== 'object' || search === null)
    return E.left(invalidInput('search', 'expected { entity, query }'));
  if (!ENTITIES.includes(search.entity))
    return E.left(invalidInput('entity', `expected "adres" or "perceel", got ${show(search.entity)}`));
  if (typeof search.query !== 'object' || search.query === null || Array.isArray(search.query))
    return E.left(invalidInput('query', 'expected a structured query object (field, bool or dis-max)'));
  return E.right({
    method: 'POST',
    path: '/search/structured',
    body: { entity: search.entity, query: search.query },
    accept: 'json',
    call: other,
  });
};

/** `POST /intentions/list` for location uuids and product slugs. @category endpoints */
export const intentionsListRequest = (
  locations: readonly string[],
  products: readonly string[],
): E.Either<InvalidInput, RequestSpec> =>
  pipe(
    validateUuidList('locations', locations),
    E.chain((uuids) => {
      if (!Array.isArray(products) || products.length === 0)
        return E.left(invalidInput('products', 'expected at least one product slug'));
      const bad = products.findIndex((p) => typeof p !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/i.test(p));
      if (bad >= 0)
        return E.left(
          invalidInput(`products[${bad}]`, `expected a product slug, got ${show(products[bad])}`),
        );
      return E.right<InvalidInput, RequestSpec>({
        method: 'POST',
        path: '/intentions/list',
        body: { uuids: uuids, products },
        accept: 'json',
        call: other,
      });
    }),
  );

/** `POST /jobs/order` for intention uuids. Duplicates are refused: they would be a double order. @category endpoints */
export const orderRequest = (intentions: readonly string[]): E.Either<InvalidInput, RequestSpec> =>
  pipe(
    validateUuidList('intentions', intentions),
    E.map((uuids) => ({
      method: 'POST' as const,
      path: '/jobs/order',
      body: { uuids },
      accept: 'json' as const,
      call: { kind: 'order' as const, intentions: uuids },
    })),
  );

/** `GET /jobs/status` for one batch (see `statusBatches` for splitting). @category endpoints */
export const statusRequest = (jobs: readonly string[]): RequestSpec => ({
  method: 'GET',
  path: '/jobs/status',
  query: jobs.map((job) => ['uuids[]', job] as const),
  accept: 'json',
  call: other,
});

const jobPath =
  (prefix: string, accept: 'json' | 'binary', call: RequestSpec['call'] = other) =>
  (job: string): E.Either<InvalidInput, RequestSpec> =>
    pipe(
      validateUuid('job', job),
      E.map((uuid) => ({ method: 'GET' as const, path: `${prefix}/${uuid}`, accept, call })),
    );

/** `GET /jobs/retrieve/{job}`: the binary result. @category endpoints */
export const retrieveRequest = jobPath('/jobs/retrieve', 'binary', { kind: 'retrieve' });

/** `GET /kik/waiting/{job}`: the locations a waiting job offers. @category endpoints */
export const kikWaitingRequest = jobPath('/kik/waiting', 'json');

/** `GET /documents/list/{job}`: source documents linked to a Kadaster job. @category endpoints */
export const documentsListRequest = jobPath('/documents/list', 'json');

/**
 * `POST /kik/select/{job}` with `{ select: [index] }`: the key of `locaties` as a number.
 *
 * @category endpoints
 */
export const kikSelectRequest = (job: string, index: number): E.Either<InvalidInput, RequestSpec> =>
  pipe(
    validateUuid('job', job),
    E.chain((uuid) =>
      Number.isInteger(index) && index >= 1
        ? E.right<InvalidInput, RequestSpec>({
            method: 'POST',
            path: `/kik/select/${uuid}`,
            body: { select: [index] },
            accept: 'json',
            call: other,
          })
        : E.left(invalidInput('index', `expected a choice number from 1, got ${show(index)}`)),
    ),
  );

/**
 * `POST /documents/order` (seen only in Planviewer's PHP client; its contract is undocumented). It places
 * orders, so it is treated like `/jobs/order`: never retried, unknown outcomes reported as such.
 *
 * @category endpoints
 */
export const documentsOrderRequest = (documents: readonly string[]): E.Either<InvalidInput, RequestSpec> => {
  if (!Array.isArray(documents) || documents.length === 0)
    return E.left(invalidInput('documents', 'expected at least one document identificatie'));
  const bad = documents.findIndex((d) => typeof d !== 'string' || !/^[\w.-]{1,200}$/.test(d));
  if (bad >= 0)
    return E.left(
      invalidInput(`documents[${bad}]`, `expected a document identificatie, got ${show(documents[bad])}`),
    );
  if (new Set(documents).size !== documents.length)
    return E.left(invalidInput('documents', 'duplicate identificatie: it would be ordered twice'));
  // The body mirrors /jobs/order ({ uuids }), as the PHP client's JSON call suggests; see the API notes §5.10.
  return E.right({
    method: 'POST',
    path: '/documents/order',
    body: { uuids: documents },
    accept: 'json',
    call: { kind: 'order', intentions: documents },
  });
};
