/**
 * What can be ordered where: products × locations → product intentions (§5.3).
 *
 * Intention uuids are a hash of (location, product, plan), independent of the seed, so they are stable
 * across runs and simulator instances: a user's test may keep one in a constant.
 */
import { type Location, locations as builtInLocations, plans, type Plan } from './locations';
import { normalizeProduct, type Product, type ProductSpec } from './products';
import { uuidFrom } from './random';

/**
 * One orderable variant of a product at a location.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * import { sampleAddress } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['bestemmingsplanrapport']);
 * intention.properties.plan_id; // 'NL.IMRO.9999.BPPlaatsCentrum-VG01'
 * ```
 */
export interface Intention {
  readonly uuid: string;
  /** Product slug. */
  readonly product: string;
  /** Location uuid. */
  readonly location: string;
  /** The zoning plan, for plan products. */
  readonly planId: string | null;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Read access to the simulator's products, locations and intentions.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * import { sampleAddress } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * const intentions = sim.catalogue.intentionsAt(sampleAddress.uuid); // every product orderable there
 * ```
 */
export interface Catalogue {
  readonly products: readonly Product[];
  readonly locations: readonly Location[];
  product(slug: string): Product | undefined;
  location(uuid: string): Location | undefined;
  plan(id: string): Plan | undefined;
  intention(uuid: string): Intention | undefined;
  /** Intentions at a location, for the given product slugs (default: all), in product order. */
  intentionsAt(locationUuid: string, productSlugs?: readonly string[]): readonly Intention[];
}

/** Builds the catalogue; throws on an invalid product or a duplicate slug. @internal */
export const createCatalogue = (
  specs: readonly ProductSpec[],
  locations: readonly Location[] = builtInLocations,
): Catalogue => {
  const products = specs.map(normalizeProduct);
  const bySlug = new Map<string, Product>();
  for (const product of products) {
    if (bySlug.has(product.slug))
      throw new TypeError(`simulator product ${product.slug} is configured twice`);
    bySlug.set(product.slug, product);
  }
  const byLocation = new Map<string, Location>(locations.map((l) => [l.uuid, l]));
  const planById = new Map<string, Plan>(plans.map((p) => [p.id, p]));
  // Precomputed: a few dozen locations × products; lookups on every order and intentions request.
  const intentionsByLocation = new Map<string, Intention[]>();
  const intentionByUuid = new Map<string, Intention>();
  for (const location of locations) {
    const list: Intention[] = [];
    for (const product of products) {
      for (const intention of intentionsOf(product, location, byLocation, planById)) {
        list.push(intention);
        intentionByUuid.set(intention.uuid, intention);
      }
    }
    intentionsByLocation.set(location.uuid, list);
  }
  return {
    products,
    locations,
    product: (slug) => bySlug.get(slug),
    location: (uuid) => byLocation.get(uuid.toLowerCase()),
    plan: (id) => planById.get(id),
    intention: (uuid) => intentionByUuid.get(uuid.toLowerCase()),
    intentionsAt: (locationUuid, productSlugs) => {
      const all = intentionsByLocation.get(locationUuid.toLowerCase()) ?? [];
      return productSlugs === undefined ? all : all.filter((i) => productSlugs.includes(i.product));
    },
  };
};

const intentionsOf = (
  product: Product,
  location: Location,
  byLocation: ReadonlyMap<string, Location>,
  planById: ReadonlyMap<string, Plan>,
): Intention[] => {
  if (!location.covered) return [];
  const make = (planId: string | null, properties: Record<string, unknown>): Intention => ({
    uuid: uuidFrom('intention', location.uuid, product.slug, planId ?? ''),
    product: product.slug,
    location: location.uuid,
    planId,
    properties,
  });
  switch (product.availability) {
    case 'documents':
      return [];
    case 'plan':
      return location.plans.flatMap((id) => {
        const plan = planById.get(id);
        return plan === undefined ? [] : [make(plan.id, planProperties(plan))];
      });
    case 'adres':
    case 'perceel':
      if (location.kind !== product.availability) return [];
      return [make(null, placeProperties(location, byLocation))];
    case 'everywhere':
      return [make(null, placeProperties(location, byLocation))];
  }
};

const planProperties = (plan: Plan): Record<string, unknown> => {
  const [y, m, d] = plan.datum.split('-');
  return {
    datum: plan.datum,
    dossier_status: plan.dossierStatus,
    enkelbestemming: plan.enkelbestemming,
    plan_id: plan.id,
    title: `bestemmingsplan ${plan.dossierStatus} ${d}-${m}-${y}`,
    plannaam: plan.name,
  };
};

const placeProperties = (
  location: Location,
  byLocation: ReadonlyMap<string, Location>,
): Record<string, unknown> =>
  location.kind === 'adres'
    ? {
        adres: location.title,
        percelen: location.parcels.map((uuid) => byLocation.get(uuid)?.title ?? uuid),
      }
    : { kadastrale_aanduiding: location.title, oppervlakte: location.oppervlakte };
