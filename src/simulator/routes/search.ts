/** `POST /search/structured` (§5.2). @internal */
import { apiError, json } from '../response';
import { searchLocations } from '../search';
import { isRecord, type RouteHandler } from '../state';

export const searchStructured: RouteHandler = ({ state, body }) => {
  if (!isRecord(body)) return apiError(400, 'Body must be an object with "entity" and "query"');
  const outcome = searchLocations(body['entity'], body['query'], state.catalogue.locations);
  return outcome.ok ? json(200, outcome.hits) : apiError(400, `Invalid search: ${outcome.message}`);
};
