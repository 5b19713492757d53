import * as E from 'fp-ts/lib/Either.js';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';
import { show } from './uuid';

/** The two searchable entities: an address or a cadastral parcel. @category model */
export type Entity = 'adres' | 'perceel';

/** A full-text match on one or more fields. @category model */
export interface FieldQuery {
  readonly field: { readonly fields: readonly string[]; readonly query: string; readonly method?: string };
}

/** Sub-queries that must all match (`bool.must`). `should`/`must_not` are passed through as given. @category model */
export interface BoolQuery {
  readonly bool: {
    readonly must?: readonly StructuredQuery[];
    readonly should?: readonly StructuredQuery[];
    readonly must_not?: readonly StructuredQuery[];
  };
}

/**
 * A structured location query. `dis-max` is documented but its shape is not, so any other object is
 * passed through unchanged.
 *
 * @category model
 */
export type StructuredQuery = FieldQuery | BoolQuery | { readonly [key: string]: unknown };

/** A complete search: which entity, and the query. @category model */
export interface LocationSearch {
  readonly entity: Entity;
  readonly query: StructuredQuery;
}

/**
 * A field query, with `method: 'match'` as in the documented example.
 *
 * @example
 * import { fieldQuery } from 'planviewer-rx';
 * fieldQuery(['postcode'], '1234AB'); // { field: { fields: ['postcode'], query: '1234AB', method: 'match' } }
 *
 * @since 0.1.0
 * @category constructors
 */
export const fieldQuery = (fields: readonly string[], query: string, method = 'match'): FieldQuery => ({
  field: { fields, query, method },
});

/**
 * All of the given queries must match.
 *
 * @example
 * import { allOf, fieldQuery } from 'planviewer-rx';
 * allOf(fieldQuery(['postcode'], '1234AB'), fieldQuery(['huisnummer'], '2'));
 *
 * @since 0.1.0
 * @category constructors
 */
export const allOf = (...queries: readonly StructuredQuery[]): BoolQuery => ({ bool: { must: queries } });

/** One field of a search: its name, the value given, that value cleaned up, its pattern, and what it must be. */
type SearchField = readonly [field: string, given: unknown, value: string, pattern: RegExp, what: string];

/** An optional field: none when it is not given (or empty). */
const given = (...field: SearchField): readonly SearchField[] =>
  field[1] === undefined || field[1] === '' ? [] : [field];

/** The search for all the fields, or the first field whose value does not match. */
const search = (entity: Entity, fields: readonly SearchField[]): E.Either<InvalidInput, LocationSearch> => {
  const must: FieldQuery[] = [];
  for (const [field, input, value, pattern, what] of fields) {
    if (!pattern.test(value)) return E.left(invalidInput(field, `expected ${what}, got ${show(input)}`));
    must.push(fieldQuery([field], value));
  }
  return E.right({ entity, query: allOf(...must) });
};

/** An address as people write it. @category model */
export interface AddressInput {
  /** Dutch postcode, with or without the space: `1234AB`, `1234 ab`. */
  readonly postcode: string;
  readonly huisnummer: string | number;
  readonly huisletter?: string;
  readonly huisnummertoevoeging?: string;
}

/**
 * Builds the structured search for an address, normalising the postcode (`1234 ab` → `1234AB`) and checking
 * the house number, so a typo is an `InvalidInput` instead of an empty result.
 *
 * @example
 * import { addressSearch } from 'planviewer-rx';
 * const search = addressSearch({ postcode: '1234 ab', huisnummer: 2 });
 * // Right({ entity: 'adres', query: { bool: { must: [postcode 1234AB, huisnummer 2] } } })
 *
 * @since 0.1.0
 * @category constructors
 */
export const addressSearch = (input: AddressInput): E.Either<InvalidInput, LocationSearch> => {
  const { postcode, huisnummer, huisletter, huisnummertoevoeging } = input;
  return search('adres', [
    [
      'postcode',
      postcode,
      typeof postcode === 'string' ? postcode.replace(/\s+/g, '').toUpperCase() : '',
      /^[1-9]\d{3}[A-Z]{2}$/,
      'a Dutch postcode like 1234AB',
    ],
    ['huisnummer', huisnummer, String(huisnummer).trim(), /^[1-9]\d{0,5}$/, 'a house number like 12'],
    ...given('huisletter', huisletter, String(huisletter).toUpperCase(), /^[A-Z]$/, 'one letter'),
    ...given('huisnummertoevoeging', huisnummertoevoeging, String(huisnummertoevoeging), /^/, ''),
  ]);
};

/** A cadastral parcel designation. @category model */
export interface ParcelInput {
  /** Cadastral municipality code or name, e.g. `ASD02` or `Amsterdam`. */
  readonly kadastrale_gemeente: string;
  readonly sectie: string;
  readonly perceelnummer: string | number;
}

/**
 * Builds the structured search for a cadastral parcel. The field names follow Planviewer's Data API
 * (`kadastrale_gemeente`, `sectie`, `perceelnummer`): the Product API docs do not list them.
 *
 * @example
 * import { parcelSearch } from 'planviewer-rx';
 * const search = parcelSearch({ kadastrale_gemeente: 'Dorp', sectie: 'A', perceelnummer: 100 });
 *
 * @since 0.1.0
 * @category constructors
 */
export const parcelSearch = (input: ParcelInput): E.Either<InvalidInput, LocationSearch> => {
  const { kadastrale_gemeente: gemeente, sectie, perceelnummer } = input;
  return search('perceel', [
    [
      'kadastrale_gemeente',
      gemeente,
      typeof gemeente === 'string' ? gemeente.trim() : '',
      /./,
      'a municipality code or name',
    ],
    [
      'sectie',
      sectie,
      typeof sectie === 'string' ? sectie.trim().toUpperCase() : '',
      /^[A-Z]{1,2}$/,
      'a section letter like A',
    ],
    ['perceelnummer', perceelnummer, String(perceelnummer).trim(), /^\d{1,6}$/, 'a parcel number'],
  ]);
};
