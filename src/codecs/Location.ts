import * as t from 'io-ts';

/**
 * A location search result. Parcel (`perceel`) properties are undocumented, so `properties` is any
 * object; use `AddressPropertiesCodec.is` (./AddressProperties) to narrow an address.
 *
 * @example
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
