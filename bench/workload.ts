import { defaultProducts, sampleAddress, type ProductSpec, type Simulator } from '../src/simulator';
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
export const workloadIntentions = (
  sim: Simulator,
  n: number,
  seed: number = WORKLOAD_SEED,
  mix: readonly { readonly slug: string; readonly weight: number }[] = PRODUCT_MIX,
): string[] => {
  const slugs = mix.map((p) => p.slug);
  const bySlug = new Map(
    sim.catalogue.intentionsAt(sampleAddress.uuid, slugs).map((i) => [i.product, i.uuid]),
  );
  const total = mix.reduce((sum, p) => sum + p.weight, 0);
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    let r = random() * total;
    const pick = mix.find((p) => (r -= p.weight) < 0) ?? mix[0]!;
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

/** The step models a run can use (`--workload`); the last two are those of docs/polling.md. */
export type WorkloadName = 'catalogue' | 'independent' | 'paced';

/** A step model: the simulator's products and the mix drawn from them. */
export interface Workload {
  readonly name: WorkloadName;
  readonly description: string;
  readonly products: readonly ProductSpec[];
  readonly mix: readonly { readonly slug: string; readonly weight: number }[];
}

/** Bench-only products, orderable anywhere. */
const benchProduct = (
  slug: string,
  steps: readonly [number, number],
  stepMs: readonly [number, number],
): ProductSpec => ({
  slug,
  name: slug,
  steps,
  stepMs,
});

/** 2–10 steps, each drawn anew from 0.5–12 s: nothing about one step predicts the next. */
const INDEPENDENT = benchProduct('bench-independent', [2, 10], [500, 12_000]);

/**
 * 2–10 steps around a per-job pace: a job's steps lie between its own minimum (0.5–8 s) and up to 4× that
 * (capped at 12 s). The simulator draws a job's steps from its product's range, so each pace is a product:
 * 5 minimum paces × 3 spreads, drawn with equal weight.
 */
const PACED: readonly ProductSpec[] = [500, 1_000, 2_000, 4_000, 8_000].flatMap((min) =>
  [1.2, 2, 4].map((spread) =>
    benchProduct(
      `bench-paced-${min}-${spread * 10}`,
      [2, 10],
      [min, Math.min(12_000, Math.round(min * spread))],
    ),
  ),
);

/**
 * The workloads by name.
 *
 * @example
 * WORKLOADS.independent.products; // the one bench-independent product
 */
export const WORKLOADS: Readonly<Record<WorkloadName, Workload>> = {
  catalogue: {
    name: 'catalogue',
    description: 'the simulator catalogue in the product mix above (per-product step counts and ranges)',
    products: defaultProducts,
    mix: PRODUCT_MIX,
  },
  independent: {
    name: 'independent',
    description: '2–10 steps, each drawn anew from 0.5–12 s',
    products: [...defaultProducts, INDEPENDENT],
    mix: [{ slug: INDEPENDENT.slug, weight: 1 }],
  },
  paced: {
    name: 'paced',
    description: '2–10 steps around a per-job pace (minimum 0.5–8 s, up to 4× spread, at most 12 s)',
    products: [...defaultProducts, ...PACED],
    mix: PACED.map((p) => ({ slug: p.slug, weight: 1 })),
  },
};
