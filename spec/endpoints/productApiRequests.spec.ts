import * as E from 'fp-ts/lib/Either.js';
import {
  documentsListRequest,
  documentsOrderRequest,
  intentionsListRequest,
  kikSelectRequest,
  kikWaitingRequest,
  locationSearchRequest,
  orderRequest,
  productsListRequest,
  retrieveRequest,
  statusRequest,
  type LocationSearch,
  type RequestSpec,
} from '../../src/endpoints';

const LOCATION = '5b0c3f0e-1d2a-4c8e-9f10-2a3b4c5d6e7f';
const I1 = 'c1d2e3f4-0000-4a1b-8c2d-111111111111';
const I2 = 'c1d2e3f4-0000-4a1b-8c2d-333333333333';
const JOB = '7e6d5c4b-3a29-4f18-9e07-222222222222';
const other = { kind: 'other' } as const;

const refusal = (r: E.Either<unknown, RequestSpec>): unknown => (E.isLeft(r) ? r.left : 'accepted');

describe('productsListRequest', () => {
  it('is a GET of /products/list', () => {
    expect(productsListRequest()).toEqual({
      method: 'GET',
      path: '/products/list',
      accept: 'json',
      call: other,
    });
  });
});

describe('locationSearchRequest', () => {
  const search: LocationSearch = {
    entity: 'adres',
    query: { field: { fields: ['postcode'], query: '1234AB' } },
  };

  it('posts the entity and the query', () => {
    expect(locationSearchRequest(search)).toEqual(
      E.right({ method: 'POST', path: '/search/structured', body: search, accept: 'json', call: other }),
    );
  });

  it('passes an undocumented query shape through unchanged', () => {
    const disMax = { entity: 'perceel', query: { dis_max: { queries: [] } } } as const;
    expect(E.map((s: RequestSpec) => s.body)(locationSearchRequest(disMax))).toEqual(E.right(disMax));
  });

  it.each<[string, unknown, string]>([
    ['an unknown entity', { entity: 'gebouw', query: {} }, 'entity'],
    ['a query that is a list', { entity: 'adres', query: [] }, 'query'],
    ['a missing query', { entity: 'adres' }, 'query'],
    ['no search at all', null, 'search'],
  ])('refuses %s', (_, value, field) => {
    expect(refusal(locationSearchRequest(value as LocationSearch))).toMatchObject({
      _tag: 'InvalidInput',
      field,
    });
  });
});

describe('intentionsListRequest', () => {
  it('posts location uuids and product slugs', () => {
    expect(intentionsListRequest([LOCATION], ['bestemmingsplanrapport', 'eigendomsinformatie-json'])).toEqual(
      E.right({
        method: 'POST',
        path: '/intentions/list',
        body: { uuids: [LOCATION], products: ['bestemmingsplanrapport', 'eigendomsinformatie-json'] },
        accept: 'json',
        call: other,
      }),
    );
  });

  it.each<[string, unknown, unknown, string]>([
    ['no locations', [], ['a'], 'locations'],
    ['a bad location', ['../x'], ['a'], 'locations[0]'],
    ['no products', [LOCATION], [], 'products'],
    ['products that are not a list', [LOCATION], 'a', 'products'],
    ['a slug with a slash', [LOCATION], ['ok', 'a/b'], 'products[1]'],
    ['an empty slug', [LOCATION], [''], 'products[0]'],
  ])('refuses %s', (_, locations, products, field) => {
    expect(refusal(intentionsListRequest(locations as string[], products as string[]))).toMatchObject({
      _tag: 'InvalidInput',
      field,
    });
  });
});

describe('orderRequest', () => {
  it('posts { uuids } and marks the call as an order of those intentions', () => {
    expect(orderRequest([I1, I2])).toEqual(
      E.right({
        method: 'POST',
        path: '/jobs/order',
        body: { uuids: [I1, I2] },
        accept: 'json',
        call: { kind: 'order', intentions: [I1, I2] },
      }),
    );
  });

  it.each<[string, unknown, string]>([
    ['no intentions', [], 'intentions'],
    ['a duplicate (a double order)', [I1, I1], 'intentions[1]'],
    ['a non-uuid', [I1, 'x'], 'intentions[1]'],
    ['a non-array', I1, 'intentions'],
  ])('refuses %s', (_, value, field) => {
    expect(refusal(orderRequest(value as string[]))).toMatchObject({ _tag: 'InvalidInput', field });
  });
});

describe('statusRequest', () => {
  it('repeats uuids[] once per job, in order', () => {
    expect(statusRequest([JOB, I1])).toEqual({
      method: 'GET',
      path: '/jobs/status',
      query: [
        ['uuids[]', JOB],
        ['uuids[]', I1],
      ],
      accept: 'json',
      call: other,
    });
  });
});

describe('job path requests', () => {
  it.each<[string, (job: string) => E.Either<unknown, RequestSpec>, Partial<RequestSpec>]>([
    [
      'retrieveRequest',
      retrieveRequest,
      { path: `/jobs/retrieve/${JOB}`, accept: 'binary', call: { kind: 'retrieve' } },
    ],
    ['kikWaitingRequest', kikWaitingRequest, { path: `/kik/waiting/${JOB}`, accept: 'json', call: other }],
    [
      'documentsListRequest',
      documentsListRequest,
      { path: `/documents/list/${JOB}`, accept: 'json', call: other },
    ],
  ])('%s puts the job uuid in the path', (_, build, expected) => {
    expect(build(JOB)).toEqual(E.right({ method: 'GET', ...expected }));
  });

  it.each([retrieveRequest, kikWaitingRequest, documentsListRequest])(
    'refuses a job that is not a uuid (#%#)',
    (build) => {
      for (const job of ['../x', `${JOB}/../../admin`, `${JOB}?x=1`, '', '%2e%2e'])
        expect(refusal(build(job))).toMatchObject({ _tag: 'InvalidInput', field: 'job' });
    },
  );
});

describe('kikSelectRequest', () => {
  it('posts { select: [index] }', () => {
    expect(kikSelectRequest(JOB, 2)).toEqual(
      E.right({
        method: 'POST',
        path: `/kik/select/${JOB}`,
        body: { select: [2] },
        accept: 'json',
        call: other,
      }),
    );
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses index %p', (index) => {
    expect(refusal(kikSelectRequest(JOB, index))).toMatchObject({ _tag: 'InvalidInput', field: 'index' });
  });

  it('refuses a bad job before looking at the index', () => {
    expect(refusal(kikSelectRequest('../x', 1))).toMatchObject({ field: 'job' });
  });
});

describe('documentsOrderRequest', () => {
  const D1 = 'NL.IMKAD.TIAStuk.00000000000001';
  const D2 = 'NL.IMKAD.TIAStuk.00000000000002';

  it('posts { uuids } with the identificaties and marks the call as an order', () => {
    expect(documentsOrderRequest([D1, D2])).toEqual(
      E.right({
        method: 'POST',
        path: '/documents/order',
        body: { uuids: [D1, D2] },
        accept: 'json',
        call: { kind: 'order', intentions: [D1, D2] },
      }),
    );
  });

  it.each<[string, unknown, string]>([
    ['no documents', [], 'documents'],
    ['a non-array', D1, 'documents'],
    ['a duplicate (a double order)', [D1, D1], 'documents[1]'],
    ['an identificatie with a slash', [D1, 'a/b'], 'documents[1]'],
    ['an empty identificatie', [''], 'documents[0]'],
    ['a too long identificatie', ['x'.repeat(201)], 'documents[0]'],
  ])('refuses %s', (_, value, field) => {
    expect(refusal(documentsOrderRequest(value as string[]))).toMatchObject({ _tag: 'InvalidInput', field });
  });
});
