import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { AddressPropertiesCodec } from '../../src/codecs/AddressProperties';
import {
  decodeJson,
  formatValidationErrors,
  isKnownJobStatus,
  JobStatusListCodec,
  KadasterDocumentListCodec,
  KikWaitingCodec,
  LocationIntentionsListCodec,
  LocationListCodec,
  OrderedJobListCodec,
  ProductListCodec,
} from '../../src/codecs';
import type { RequestSummary } from '../../src/errors';

const request: RequestSummary = { method: 'GET', url: 'https://www.planviewer.nl/product_api/v1/x' };

// The example bodies of the API reference (§5), verbatim.
const PRODUCTS = `[ { "slug": "percelenrapport", "name": "Percelenrapport" },
  { "slug": "eigendomsinformatie", "name": "Eigendomsinformatie" } ]`;
const LOCATIONS = `[ { "score": 48.2, "uuid": "5b0c3f0e-1d2a-4c8e-9f10-2a3b4c5d6e7f",
    "title": "Voorbeeldstraat 2, 1234AB Plaats",
    "properties": { "type": "adres", "postcode": "1234AB", "huisnummer": "2",
      "huisnummertoevoeging": null, "huisletter": null,
      "openbareruimtenaam": "Voorbeeldstraat", "woonplaatsnaam": "Plaats" } } ]`;
const INTENTIONS = `[ { "uuid": "5b0c3f0e-1d2a-4c8e-9f10-2a3b4c5d6e7f",
    "intentions": [
      { "uuid": "c1d2e3f4-0000-4a1b-8c2d-111111111111", "product": "bestemmingsplanrapport",
        "properties": { "datum": "2016-03-01", "dossier_status": "vastgesteld", "enkelbestemming": true,
          "plan_id": "NL.IMRO.0000.BP0001-VG01", "title": "bestemmingsplan vastgesteld 01-03-2016",
          "plannaam": "voorbeeldplan" } } ] } ]`;
const ORDERED = `[ { "uuid": "c1d2e3f4-0000-4a1b-8c2d-111111111111",
    "job": { "uuid": "7e6d5c4b-3a29-4f18-9e07-222222222222" } } ]`;
const STATUS = `[ { "uuid": "7e6d5c4b-3a29-4f18-9e07-222222222222", "status": "finished",
    "progress": { "current": 6, "total": 6 } } ]`;
const WAITING = `{ "locaties": { "1": "Dorp A 100 Kerkweg 8 a 1234AB Plaats t.n.v. A. Jansen",
                "2": "Dorp A 101 Kerkweg 8 1234AB Plaats t.n.v. B. de Vries" },
  "message": "Which of the found locations must be used to complete te order?" }`;
const DOCUMENTS = `[ { "identificatie": "NL.IMKAD.TIAStuk.00000000000001", "aard": "Migratie Koers",
    "IngeschrevenOp": { "datum": "1990-01-01", "tijd": "00:00:00" },
    "documentwaardes": { "deel": "10000", "nummer": "1",
      "reeks": { "code": "ABC", "waarde": "Plaats" },
      "registercode": { "code": "2", "waarde": "Hyp4" },
      "soortregister": { "code": "2", "waarde": "Onroerende Zaken" } } } ]`;

const decodeErrorsOf = (codec: t.Decoder<unknown, unknown>, body: string): readonly string[] => {
  const r = decodeJson(codec, request, body);
  if (E.isRight(r)) throw new Error(`expected a DecodeError for ${body}`);
  expect(r.left._tag).toBe('DecodeError');
  expect(r.left.request).toEqual(request);
  return r.left.errors;
};

describe('decodeJson', () => {
  it.each<[string, t.Decoder<unknown, unknown>, string]>([
    ['ProductListCodec', ProductListCodec, PRODUCTS],
    ['LocationListCodec', LocationListCodec, LOCATIONS],
    ['LocationIntentionsListCodec', LocationIntentionsListCodec, INTENTIONS],
    ['OrderedJobListCodec', OrderedJobListCodec, ORDERED],
    ['JobStatusListCodec', JobStatusListCodec, STATUS],
    ['KikWaitingCodec', KikWaitingCodec, WAITING],
    ['KadasterDocumentListCodec', KadasterDocumentListCodec, DOCUMENTS],
  ])('decodes the documented example body with %s', (_, codec, body) => {
    expect(decodeJson(codec, request, body)).toEqual(E.right(JSON.parse(body)));
  });

  it.each<[string, t.Decoder<unknown, unknown>, string]>([
    ['ProductListCodec', ProductListCodec, '[]'],
    ['LocationListCodec', LocationListCodec, '[]'],
    ['LocationIntentionsListCodec', LocationIntentionsListCodec, '[{"uuid":"u","intentions":[]}]'],
    ['JobStatusListCodec', JobStatusListCodec, '[]'],
  ])('accepts an empty result with %s', (_, codec, body) => {
    expect(E.isRight(decodeJson(codec, request, body))).toBe(true);
  });

  it('keeps the capital I of IngeschrevenOp', () => {
    const r = decodeJson(KadasterDocumentListCodec, request, DOCUMENTS);
    expect(E.isRight(r) && r.right[0]?.IngeschrevenOp).toEqual({ datum: '1990-01-01', tijd: '00:00:00' });
  });

  it('accepts a document with only its identificatie', () => {
    expect(
      E.isRight(decodeJson(KadasterDocumentListCodec, request, '[{"identificatie":"NL.IMKAD.1"}]')),
    ).toBe(true);
  });

  it('accepts an unknown status string and a status without progress', () => {
    const r = decodeJson(
      JobStatusListCodec,
      request,
      '[{"uuid":"7e6d5c4b-3a29-4f18-9e07-222222222222","status":"queued"}]',
    );
    expect(r).toEqual(E.right([{ uuid: '7e6d5c4b-3a29-4f18-9e07-222222222222', status: 'queued' }]));
  });

  it('keeps unknown fields of an intention and of a location', () => {
    const r = decodeJson(
      LocationListCodec,
      request,
      '[{"score":1,"uuid":"u","title":"t","properties":{"x":1},"extra":2}]',
    );
    expect(E.isRight(r) && r.right[0]?.properties).toEqual({ x: 1 });
  });

  it.each<[string, t.Decoder<unknown, unknown>, string, string]>([
    [
      'a job without uuid',
      OrderedJobListCodec,
      '[{"uuid":"i","job":{}}]',
      '[0].job.uuid: expected JobUuid, got undefined',
    ],
    [
      'a job uuid that is no uuid',
      OrderedJobListCodec,
      '[{"uuid":"i","job":{"uuid":"../x"}}]',
      '[0].job.uuid: expected JobUuid, got "../x"',
    ],
    ['a job that is a string', OrderedJobListCodec, '[{"uuid":"i","job":"j"}]', '[0].job: expected {'],
    [
      'an object instead of a list',
      OrderedJobListCodec,
      '{"uuid":"i"}',
      '(root): expected OrderedJobList, got {"uuid":"i"}',
    ],
    [
      'a numeric status',
      JobStatusListCodec,
      '[{"uuid":"7e6d5c4b-3a29-4f18-9e07-222222222222","status":3}]',
      '[0].status: expected string, got 3',
    ],
    [
      'progress as text',
      JobStatusListCodec,
      '[{"uuid":"7e6d5c4b-3a29-4f18-9e07-222222222222","status":"x","progress":"1/2"}]',
      '[0].progress: expected Progress, got "1/2"',
    ],
    [
      'a progress without total',
      JobStatusListCodec,
      '[{"uuid":"7e6d5c4b-3a29-4f18-9e07-222222222222","status":"x","progress":{"current":1}}]',
      '[0].progress.total: expected number',
    ],
    [
      'the second product without name',
      ProductListCodec,
      '[{"slug":"a","name":"A"},{"slug":"b"}]',
      '[1].name: expected string, got undefined',
    ],
    [
      'a score as text',
      LocationListCodec,
      '[{"score":"1","uuid":"u","title":"t","properties":{}}]',
      '[0].score: expected number, got "1"',
    ],
    [
      'null properties',
      LocationListCodec,
      '[{"score":1,"uuid":"u","title":"t","properties":null}]',
      '[0].properties: expected UnknownRecord, got null',
    ],
    [
      'an intention without product',
      LocationIntentionsListCodec,
      '[{"uuid":"l","intentions":[{"uuid":"i","properties":{}}]}]',
      '[0].intentions[0].product: expected string, got undefined',
    ],
    [
      'a numeric location label',
      KikWaitingCodec,
      '{"locaties":{"1":2},"message":"m"}',
      'locaties.1: expected string, got 2',
    ],
    ['a missing message', KikWaitingCodec, '{"locaties":{}}', 'message: expected string, got undefined'],
    [
      'IngeschrevenOp as text',
      KadasterDocumentListCodec,
      '[{"identificatie":"d","IngeschrevenOp":"1990"}]',
      '[0].IngeschrevenOp: expected',
    ],
    [
      'a numeric reeks code',
      KadasterDocumentListCodec,
      '[{"identificatie":"d","documentwaardes":{"reeks":{"code":1,"waarde":"w"}}}]',
      '[0].documentwaardes.reeks.code: expected string, got 1',
    ],
  ])('names the path of %s', (_, codec, body, line) => {
    const errors = decodeErrorsOf(codec, body);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining(line)]));
    expect(errors.every((e) => e.startsWith(line.split(':')[0] as string))).toBe(true);
  });

  it('reports every problem once', () => {
    const errors = decodeErrorsOf(ProductListCodec, '[{"slug":1},{"name":2}]');
    expect(errors).toEqual([
      '[0].slug: expected string, got 1',
      '[0].name: expected string, got undefined',
      '[1].slug: expected string, got undefined',
      '[1].name: expected string, got 2',
    ]);
  });

  it.each([
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>'],
    ['an empty body', ''],
    ['a truncated body', '[{"slug":"a","na'],
  ])('refuses %s as not JSON, keeping the body', (_, body) => {
    const r = decodeJson(ProductListCodec, request, body);
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'DecodeError', body });
    expect(E.isLeft(r) && r.left.errors[0]).toMatch(/^\(root\): not JSON \(/);
  });

  it('cuts a long body kept on a DecodeError', () => {
    const body = JSON.stringify([{ slug: 1, name: 'x'.repeat(2000) }]);
    const r = decodeJson(ProductListCodec, request, body);
    expect(E.isLeft(r) && r.left.body.length).toBeLessThan(600);
  });

  it('shows a long wrong value briefly', () => {
    const [line] = decodeErrorsOf(ProductListCodec, JSON.stringify([{ slug: 'x'.repeat(500), name: 1 }]));
    expect(line).toBe('[0].name: expected string, got 1');
    const [rootLine] = decodeErrorsOf(KikWaitingCodec, JSON.stringify(['y'.repeat(500)]));
    expect((rootLine as string).length).toBeLessThan(120);
  });
});

describe('formatValidationErrors', () => {
  it('renders a union branch by the path of the field, not of the branch', () => {
    const r = AddressPropertiesCodec.decode({
      type: 'adres',
      postcode: '1234AB',
      huisnummer: '2',
      huisnummertoevoeging: 5,
      huisletter: null,
      openbareruimtenaam: 'Voorbeeldstraat',
      woonplaatsnaam: 'Plaats',
    });
    expect(E.isLeft(r) && formatValidationErrors(r.left)).toEqual([
      'huisnummertoevoeging: expected string, got 5',
      'huisnummertoevoeging: expected null, got 5',
    ]);
  });
});

describe('isKnownJobStatus', () => {
  it.each([
    ['initial', true],
    ['in_progress', true],
    ['finished', true],
    ['waiting for user', true],
    ['error', true],
    ['waiting_for_user', false],
    ['Finished', false],
    ['queued', false],
  ])('%s → %s', (status, known) => {
    expect(isKnownJobStatus(status)).toBe(known);
  });
});
