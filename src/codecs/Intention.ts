import * as t from 'io-ts';

/**
 * A concrete orderable variant of one product at one location (e.g. one zoning plan).
 *
 * @example
 * import { IntentionCodec } from './Intention';
 * IntentionCodec.is({ uuid: 'c1', product: 'bestemmingsplanrapport', properties: { plannaam: 'x' } }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const IntentionCodec = /* @__PURE__ */ t.type(
  { uuid: t.string, product: t.string, properties: t.UnknownRecord },
  'Intention',
);

/**
 * One orderable intention: a product at a location, as `GET /intentions/list` answers it.
 *
 * @interface
 * @category model
 */
export type Intention = t.TypeOf<typeof IntentionCodec>;

/** The intentions available at one location. @category codecs */
export const LocationIntentionsCodec = /* @__PURE__ */ t.type(
  { uuid: t.string, intentions: t.readonlyArray(IntentionCodec) },
  'LocationIntentions',
);

/**
 * The intentions available at one location, as `GET /intentions/list` answers them.
 *
 * @interface
 * @category model
 */
export type LocationIntentions = t.TypeOf<typeof LocationIntentionsCodec>;

/** The body of `POST /intentions/list`: one entry per location. @category codecs */
export const LocationIntentionsListCodec = /* @__PURE__ */ t.readonlyArray(
  LocationIntentionsCodec,
  'LocationIntentionsList',
);
