/**
 * `POST /intentions/list` (§5.3): one entry per requested location, in request order (duplicates once),
 * with the intentions of the requested products there. A well-formed but unknown location uuid gets an
 * entry with no intentions; a malformed one makes the whole request a 400.
 *
 * @internal
 */
import { isUuid } from '../random';
import { apiError, json } from '../response';
import { isRecord, mayUse, type RouteHandler, stringArray } from '../state';

export const listIntentions: RouteHandler = ({ state, account, body, note }) => {
  if (!isRecord(body)) return apiError(400, 'Body must be an object with "uuids" and "products"');
  const uuids = stringArray(body['uuids']);
  const products = stringArray(body['products']);
  if (uuids === undefined) return apiError(400, '"uuids" must be an array of location uuids');
  if (products === undefined) return apiError(400, '"products" must be an array of product slugs');
  note(uuids);
  const malformed = uuids.find((u) => !isUuid(u));
  if (malformed !== undefined) return apiError(400, `Not a uuid: ${JSON.stringify(malformed)}`);
  const wanted = products.filter((slug) => mayUse(account, slug));
  return json(
    200,
    [...new Set(uuids.map((u) => u.toLowerCase()))].map((uuid) => ({
      uuid,
      intentions: state.catalogue
        .intentionsAt(uuid, wanted)
        .map((i) => ({ uuid: i.uuid, product: i.product, properties: i.properties })),
    })),
  );
};
