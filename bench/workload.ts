import { sampleAddress, type Simulator } from '../src/simulator';
import { seededRandom } from './random';

/**
 * The product mix of the polling runs: what an estate agent's or a notary's integration orders, weighted
 * by how often. Step counts and step durations come from the simulator's catalogue (seeded per job, varying
 * per step): from `uittreksel-kadastrale-kaart` (2–3 steps of 0.5–1.5 s) to `percelenrapport`
 * (10 steps of 3–12 s). The mix was chosen before any strategy was run and is not tuned to a target.
 */
export const PRODUCT_MIX: readonly { readonly slug: string; readonly weight: number }[] = [
  { slug: 'bestemmingsplanrapport', weight: 25 },
  { slug: 'vraagprijsrapport', weight: 15 },
  { slug: 'bestemmingsplankaart', weight: 10 },
  { slug: 'maatvoering-perceel', weight: 10 },
  { slug: 'kadastraledocumenten', weight: 10 },
  { slug: 'uittreksel-kadastrale-kaart', weight: 10 },
  { slug: 'eigendomsinformatie', weight: 5 },
  { slug: 'koopsomoverzicht', weight: 5 },
  { slug: 'objectlijstrechthebbende', weight: 5 },
  { slug: 'percelenrapport', weight: 5 },
];

/** The seed of the simulator (job futures) and of the product draw. */
export const WORKLOAD_SEED = 20260105;

/** Most intentions in one order: a set of reports for one address, as a user would order them. */
export const MAX_ORDER_SIZE = 10;

/**
 * N intentions to order, drawn from {@link PRODUCT_MIX} with a seeded source. Every
 * strategy orders the same list, in the same order, first thing (see {@link workloadOrders}), from a fresh simulator with the same seed:
 * so job k gets the same uuid and the same steps and durations in every run.
 *
 * @example
 * const intentions = workloadIntentions(sim, 100);
 */
export const workloadIntentions = (sim: Simulator, n: number, seed: number = WORKLOAD_SEED): string[] => {
  const slugs = PRODUCT_MIX.map((p) => p.slug);
  const bySlug = new Map(
    sim.catalogue.intentionsAt(sampleAddress.uuid, slugs).map((i) => [i.product, i.uuid]),
  );
  const total = PRODUCT_MIX.reduce((sum, p) => sum + p.weight, 0);
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    let r = random() * total;
    const pick = PRODUCT_MIX.find((p) => (r -= p.weight) < 0) ?? PRODUCT_MIX[0]!;
    const uuid = bySlug.get(pick.slug);
    if (uuid === undefined) throw new Error(`no intention for ${pick.slug} at the sample address`);
    return uuid;
  });
};

/**
 * The workload cut into orders, as every strategy places them: one after another (each once the previous
 * one is answered, all at the same virtual instant), consecutive intentions per order, a new order at a
 * repeated intention (one order names an intention once; the client refuses duplicates) or after
 * {@link MAX_ORDER_SIZE}. Sequential orders make the server create job k the same way in every run.
 *
 * @example
 * workloadOrders(['x', 'y', 'x']); // [['x', 'y'], ['x']]
 */
export const workloadOrders = (intentions: readonly string[]): string[][] => {
  const orders: string[][] = [];
  let current: string[] = [];
  for (const intention of intentions) {
    if (current.length === MAX_ORDER_SIZE || current.includes(intention)) {
      orders.push(current);
      current = [];
    }
    current.push(intention);
  }
  if (current.length > 0) orders.push(current);
  return orders;
};
