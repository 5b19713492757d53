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
  const postcode = typeof input.postcode === 'string' ? input.postcode.replace(/\s+/g, '').toUpperCase() : '';
  if (!/^[1-9]\d{3}[A-Z]{2}$/.test(postcode))
    return E.left(
      invalidInput('postcode', `expected a Dutch postcode like 1234AB, got ${show(input.postcode)}`),
    );
  const huisnummer = String(input.huisnummer).trim();
  if (!/^[1-9]\d{0,5}$/.test(huisnummer))
    return E.left(
      invalidInput('huisnummer', `expected a house number like 12, got ${show(input.huisnummer)}`),
    );
  const must: StructuredQuery[] = [
    fieldQuery(['postcode'], postcode),
    fieldQuery(['huisnummer'], huisnummer),
  ];
  if (input.huisletter !== undefined && input.huisletter !== '') {
    if (!/^[A-Za-z]$/.test(input.huisletter))
      return E.left(invalidInput('huisletter', `expected one letter, got ${show(input.huisletter)}`));
    must.push(fieldQuery(['huisletter'], input.huisletter.toUpperCase()));
  }
  if (input.huisnummertoevoeging !== undefined && input.huisnummertoevoeging !== '')
    must.push(fieldQuery(['huisnummertoevoeging'], input.huisnummertoevoeging));
  return E.right({ entity: 'adres', query: allOf(...must) });
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
  const gemeente = typeof input.kadastrale_gemeente === 'string' ? input.kadastrale_gemeente.trim() : '';
  if (gemeente === '')
    return E.left(invalidInput('kadastrale_gemeente', 'expected a municipality code or name'));
  const sectie = typeof input.sectie === 'string' ? input.sectie.trim().toUpperCase() : '';
  if (!/^[A-Z]{1,2}$/.test(sectie))
    return E.left(invalidInput('sectie', `expected a section letter like A, got ${show(input.sectie)}`));
  const nummer = String(input.perceelnummer).trim();
  if (!/^\d{1,6}$/.test(nummer))
    return E.left(
      invalidInput('perceelnummer', `expected a parcel number, got ${show(input.perceelnummer)}`),
    );
  return E.right({
    entity: 'perceel',
    query: allOf(
      fieldQuery(['kadastrale_gemeente'], gemeente),
      fieldQuery(['sectie'], sectie),
      fieldQuery(['perceelnummer'], nummer),
    ),
  });
};
