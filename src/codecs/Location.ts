import * as t from 'io-ts';

/**
 * The documented `properties` of an address (`adres`) search result. House numbers are strings.
 *
 * @since 0.1.0
 * @category codecs
 */
export const AddressPropertiesCodec = /* @__PURE__ */ t.type(
  {
    type: /* @__PURE__ */ t.literal('adres'),
    postcode: t.string,
    huisnummer: t.string,
    huisnummertoevoeging: /* @__PURE__ */ t.union([t.string, t.null]),
    huisletter: /* @__PURE__ */ t.union([t.string, t.null]),
    openbareruimtenaam: t.string,
    woonplaatsnaam: t.string,
  },
  'AddressProperties',
);

/**
 * The address fields of an address location.
 *
 * @interface
 * @category model
 */
export type AddressProperties = t.TypeOf<typeof AddressPropertiesCodec>;

/**
 * A location search result. Parcel (`perceel`) properties are undocumented, so `properties` is any
 * object; use {@link AddressPropertiesCodec}`.is` to narrow an address.
 *
 * @example
 * import { AddressPropertiesCodec } from './Location';
 * import { LocationCodec } from './Location';
 * const ok = LocationCodec.is({ score: 1, uuid: 'u', title: 'Kerkweg 8', properties: {} }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const LocationCodec = /* @__PURE__ */ t.type(
  {
    score: t.number,
    uuid: t.string,
    title: t.string,
    properties: t.UnknownRecord,
  },
  'Location',
);

/**
 * A location (an address or a parcel) as location search answers it.
 *
 * @interface
 * @category model
 */
export type Location = t.TypeOf<typeof LocationCodec>;

/** The body of `POST /search/structured`, best score first. @category codecs */
export const LocationListCodec = /* @__PURE__ */ t.readonlyArray(LocationCodec, 'LocationList');
