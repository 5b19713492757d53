import * as E from 'fp-ts/lib/Either.js';
import type { Planviewer } from '../client/createPlanviewer';
import type { PlanviewerError } from '../errors/PlanviewerError';

/** A plan or title from an intention's product-specific properties, when it has one. */
const planOf = (properties: Readonly<Record<string, unknown>>): string | undefined => {
  const name = properties['plannaam'] ?? properties['title'];
  return typeof name === 'string' && name !== '' ? name : undefined;
};

/**
 * What people call each intention, found by asking the locations for every product of the account:
 * `bestemmingsplanrapport (Plaats Centrum)`. Intentions not orderable at those locations are returned as
 * `missing`, so an order of the wrong uuid can be stopped before it costs anything. Read-only: two GETs
 * and a POST that orders nothing (`/products/list`, `/intentions/list`).
 *
 * @example
 * import type { Planviewer } from 'planviewer-rx';
 * import { intentionLabels } from './intentionLabels';
 * declare const intentionUuid: string;
 * declare const locationUuid: string;
 * declare const pv: Planviewer;
 * const found = await intentionLabels(pv, [locationUuid], [intentionUuid]);
 * // Right({ labels: Map { intentionUuid => 'bestemmingsplanrapport (Plaats Centrum)' }, missing: [] })
 */
export const intentionLabels = async (
  pv: Planviewer,
  locations: readonly string[],
  intentions: readonly string[],
): Promise<
  E.Either<PlanviewerError, { readonly labels: Map<string, string>; readonly missing: readonly string[] }>
> => {
  const products = await pv.products()();
  if (E.isLeft(products)) return products;
  const found = await pv.intentions(
    locations,
    products.right.map((p) => p.slug),
  )();
  if (E.isLeft(found)) return found;
  const labels = new Map<string, string>();
  for (const at of found.right)
    for (const i of at.intentions) {
      if (!intentions.includes(i.uuid)) continue;
      const plan = planOf(i.properties);
      labels.set(i.uuid, plan === undefined ? i.product : `${i.product} (${plan})`);
    }
  return E.right({ labels, missing: intentions.filter((i) => !labels.has(i)) });
};
