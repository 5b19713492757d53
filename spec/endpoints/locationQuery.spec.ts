import * as E from 'fp-ts/lib/Either.js';
import {
  addressSearch,
  allOf,
  fieldQuery,
  parcelSearch,
  type AddressInput,
  type ParcelInput,
} from '../../src/endpoints';

const field = (name: string, query: string) => ({ field: { fields: [name], query, method: 'match' } });

describe('fieldQuery', () => {
  it('uses the documented match method unless told otherwise', () => {
    expect(fieldQuery(['postcode'], '1234AB')).toEqual(field('postcode', '1234AB'));
    expect(fieldQuery(['a', 'b'], 'x', 'prefix')).toEqual({
      field: { fields: ['a', 'b'], query: 'x', method: 'prefix' },
    });
  });
});

describe('allOf', () => {
  it('puts every query under bool.must', () => {
    expect(allOf(field('a', '1'), field('b', '2'))).toEqual({
      bool: { must: [field('a', '1'), field('b', '2')] },
    });
  });
});

describe('addressSearch', () => {
  it.each<[string, AddressInput, readonly ReturnType<typeof field>[]]>([
    [
      '1234AB and 2',
      { postcode: '1234AB', huisnummer: '2' },
      [field('postcode', '1234AB'), field('huisnummer', '2')],
    ],
    [
      '1234 ab and the number 2',
      { postcode: '1234 ab', huisnummer: 2 },
      [field('postcode', '1234AB'), field('huisnummer', '2')],
    ],
    [
      'a postcode with spaces around',
      { postcode: ' 1234  Ab ', huisnummer: ' 12 ' },
      [field('postcode', '1234AB'), field('huisnummer', '12')],
    ],
    [
      'a house letter and addition',
      { postcode: '6811LW', huisnummer: 61, huisletter: 'a', huisnummertoevoeging: 'bis' },
      [
        field('postcode', '6811LW'),
        field('huisnummer', '61'),
        field('huisletter', 'A'),
        field('huisnummertoevoeging', 'bis'),
      ],
    ],
    [
      'empty optional parts',
      { postcode: '6811LW', huisnummer: 61, huisletter: '', huisnummertoevoeging: '' },
      [field('postcode', '6811LW'), field('huisnummer', '61')],
    ],
  ])('builds the documented query for %s', (_, input, must) => {
    expect(addressSearch(input)).toEqual(E.right({ entity: 'adres', query: { bool: { must } } }));
  });

  it.each<[string, unknown, string]>([
    ['a postcode starting with 0', { postcode: '0123AB', huisnummer: 1 }, 'postcode'],
    ['a postcode with one letter', { postcode: '1234A', huisnummer: 1 }, 'postcode'],
    ['a postcode with digits only', { postcode: '123456', huisnummer: 1 }, 'postcode'],
    ['a postcode with a dash', { postcode: '1234-AB', huisnummer: 1 }, 'postcode'],
    ['an empty postcode', { postcode: '', huisnummer: 1 }, 'postcode'],
    ['a numeric postcode', { postcode: 1234, huisnummer: 1 }, 'postcode'],
    ['house number 0', { postcode: '1234AB', huisnummer: 0 }, 'huisnummer'],
    ['a negative house number', { postcode: '1234AB', huisnummer: -2 }, 'huisnummer'],
    ['a fractional house number', { postcode: '1234AB', huisnummer: 2.5 }, 'huisnummer'],
    ['a house number with a letter', { postcode: '1234AB', huisnummer: '2a' }, 'huisnummer'],
    ['an empty house number', { postcode: '1234AB', huisnummer: '' }, 'huisnummer'],
    ['a seven digit house number', { postcode: '1234AB', huisnummer: 1234567 }, 'huisnummer'],
    ['two house letters', { postcode: '1234AB', huisnummer: 2, huisletter: 'ab' }, 'huisletter'],
    ['a digit as house letter', { postcode: '1234AB', huisnummer: 2, huisletter: '1' }, 'huisletter'],
  ])('refuses %s', (_, input, field) => {
    const r = addressSearch(input as AddressInput);
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'InvalidInput', field });
  });
});

describe('parcelSearch', () => {
  it('builds the query with the Data API field names', () => {
    expect(parcelSearch({ kadastrale_gemeente: ' Dorp ', sectie: 'a', perceelnummer: 100 })).toEqual(
      E.right({
        entity: 'perceel',
        query: {
          bool: {
            must: [field('kadastrale_gemeente', 'Dorp'), field('sectie', 'A'), field('perceelnummer', '100')],
          },
        },
      }),
    );
  });

  it.each<[string, unknown, string]>([
    [
      'an empty municipality',
      { kadastrale_gemeente: ' ', sectie: 'A', perceelnummer: 1 },
      'kadastrale_gemeente',
    ],
    [
      'a section of three letters',
      { kadastrale_gemeente: 'Dorp', sectie: 'ABC', perceelnummer: 1 },
      'sectie',
    ],
    ['a numeric section', { kadastrale_gemeente: 'Dorp', sectie: 1, perceelnummer: 1 }, 'sectie'],
    [
      'a parcel number with letters',
      { kadastrale_gemeente: 'Dorp', sectie: 'A', perceelnummer: '12x' },
      'perceelnummer',
    ],
    [
      'a negative parcel number',
      { kadastrale_gemeente: 'Dorp', sectie: 'A', perceelnummer: -1 },
      'perceelnummer',
    ],
  ])('refuses %s', (_, input, field) => {
    const r = parcelSearch(input as ParcelInput);
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'InvalidInput', field });
  });
});
