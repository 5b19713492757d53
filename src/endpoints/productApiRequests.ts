import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';
import type { Entity, LocationSearch } from './locationQuery';
import type { RequestSpec } from './RequestSpec';
import { matching, show, validateList, validateUuid, validateUuidList } from './uuid';

/*
 * One pure builder per Product API route: validated input in, a RequestSpec out. Nothing here does I/O, so
 * every rule (which uuids are accepted, how the query string looks) is unit-tested without a server.
 */

const other = { kind: 'other' } as const;

/** A POST of a JSON body that answers JSON. */
const post = (path: string, body: unknown, call: RequestSpec['call'] = other): RequestSpec => ({
  method: 'POST',
  path,
  body,
  accept: 'json',
  call,
});

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
    return E.left(invalidInput('query', 'expected a structured query (field, bool or dis-max)'));
  return E.right(post('/search/structured', { entity: search.entity, query: search.query }));
};

export const intentionsListRequest = (
  locations: readonly string[],
  products: readonly string[],
): E.Either<InvalidInput, RequestSpec> =>
  pipe(
    validateUuidList('locations', locations),
    E.chain((uuids) =>
      pipe(
        validateList(
          'products',
          products,
          'product slug',
          matching(/^[a-z0-9][a-z0-9_-]*$/i, 'a product slug'),
        ),
        E.map((products) => post('/intentions/list', { uuids, products })),
      ),
    ),
  );

export const orderRequest = (intentions: readonly string[]): E.Either<InvalidInput, RequestSpec> =>
  pipe(
    validateUuidList('intentions', intentions),
    E.map((uuids) => post('/jobs/order', { uuids }, { kind: 'order', intentions: uuids })),
  );

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
        ? E.right(post(`/kik/select/${uuid}`, { select: [index] }))
        : E.left(invalidInput('index', `expected a choice number from 1, got ${show(index)}`)),
    ),
  );

export const documentsOrderRequest = (documents: readonly string[]): E.Either<InvalidInput, RequestSpec> =>
  pipe(
    validateList(
      'documents',
      documents,
      'document identificatie',
      matching(/^[\w.-]{1,200}$/, 'a document identificatie'),
      (d) => d,
    ),
    // The body mirrors /jobs/order ({ uuids }), as the PHP client's JSON call suggests; see the API notes §5.10.
    E.map((uuids) => post('/documents/order', { uuids }, { kind: 'order', intentions: uuids })),
  );
