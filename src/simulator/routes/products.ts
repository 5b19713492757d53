/** `GET /products/list` (§5.1). @internal */
import { json } from '../response';
import { mayUse, type RouteHandler } from '../state';

export const listProducts: RouteHandler = ({ state, account }) =>
  json(
    200,
    state.catalogue.products
      .filter((p) => mayUse(account, p.slug))
      .map((p) => ({ slug: p.slug, name: p.name })),
  );
