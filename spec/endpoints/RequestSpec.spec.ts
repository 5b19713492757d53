import { urlOf, type RequestSpec } from '../../src/endpoints';
import { requestSummaryOf } from '../../src/endpoints/RequestSpec';

const root = 'https://www.planviewer.nl/product_api/v1';
const spec = (query?: RequestSpec['query']): RequestSpec => ({
  method: 'GET',
  path: '/jobs/status',
  ...(query === undefined ? {} : { query }),
  accept: 'json',
  call: { kind: 'other' },
});

describe('urlOf', () => {
  it.each<[string, RequestSpec['query'] | undefined, string]>([
    ['no query', undefined, `${root}/jobs/status`],
    ['an empty query', [], `${root}/jobs/status`],
    ['one uuid', [['uuids[]', 'a']], `${root}/jobs/status?uuids%5B%5D=a`],
    [
      'two uuids, in order',
      [
        ['uuids[]', 'b'],
        ['uuids[]', 'a'],
      ],
      `${root}/jobs/status?uuids%5B%5D=b&uuids%5B%5D=a`,
    ],
    ['reserved characters', [['q', 'a&b=c d/é']], `${root}/jobs/status?q=a%26b%3Dc%20d%2F%C3%A9`],
  ])('builds the URL for %s', (_, query, url) => {
    expect(urlOf(root, spec(query))).toBe(url);
  });
});

describe('requestSummaryOf', () => {
  it('keeps a short URL whole', () => {
    expect(requestSummaryOf(root, spec([['uuids[]', 'a']]))).toEqual({
      method: 'GET',
      url: `${root}/jobs/status?uuids%5B%5D=a`,
    });
  });

  it('cuts a long URL to 200 characters', () => {
    const query = Array.from({ length: 50 }, (_, i) => ['uuids[]', `job-${i}`] as const);
    const { url } = requestSummaryOf(root, spec(query));
    expect(url).toHaveLength(201);
    expect(url.endsWith('…')).toBe(true);
  });
});
