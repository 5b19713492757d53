/**
 * The address fields of an address search result, in a module of their own: the client only uses their type,
 * so a bundle of the client never carries this codec (nor io-ts's `literal` and `union` it needs).
 *
 * @since 0.1.0
 */
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
