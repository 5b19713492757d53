/**
 * The product catalogue: what can be ordered and how long producing it takes.
 *
 * Timings are the simulator's own guesses (Planviewer publishes none): long enough that a client has to
 * poll several times, varied enough that a fixed poll interval is visibly wasteful.
 */

/**
 * An inclusive `[min, max]` range.
 *
 * @example
 * ```ts
 * import type { Range } from 'planviewer-rx/simulator';
 * const stepMs: Range = [1_000, 4_000];
 * ```
 */
export type Range = readonly [min: number, max: number];

/**
 * Where a product has intentions: one per zoning plan covering the location (`plan`), one per location of
 * any kind (`everywhere`), only at addresses (`adres`) or lots (`perceel`), or none at all (`documents`:
 * orderable through `POST /documents/order` only).
 *
 * @example
 * ```ts
 * import { ProductSpec } from 'planviewer-rx/simulator';
 * const spec: ProductSpec = { slug: 'lot-map', name: 'Lot map', steps: 2, stepMs: [500, 900], availability: 'perceel' };
 * ```
 */
export type Availability = 'plan' | 'everywhere' | 'adres' | 'perceel' | 'documents';

/**
 * A product as configured: everything but `slug`, `name`, `steps` and `stepMs` has a default.
 *
 * @example
 * ```ts
 * import { defaultProducts, startSimulator, type ProductSpec } from 'planviewer-rx/simulator';
 * const big: ProductSpec = { slug: 'big-report', name: 'Big report', steps: 2, stepMs: [500, 500], resultBytes: 50_000_000 };
 * const sim = await startSimulator({ products: [...defaultProducts, big] });
 * ```
 */
export interface ProductSpec {
  readonly slug: string;
  readonly name: string;
  /** Number of progress steps, fixed or drawn per job from an inclusive range. */
  readonly steps: number | Range;
  /** Duration of each step in simulated ms, drawn per step from this range. */
  readonly stepMs: Range;
  /** Simulated ms a job stays `initial` before its first step. @default [200, 1000] */
  readonly queueMs?: Range;
  /** Probability (0..1) that a job ends in `error` at a random step. @default 0 */
  readonly errorRate?: number;
  /** Pad the result file to this many bytes (a valid file still); smaller values leave it as is. @default 0 */
  readonly resultBytes?: number;
  /** Result file type. @default 'json' for slugs ending in `-json`, else 'pdf' */
  readonly format?: 'pdf' | 'json';
  /** @default 'everywhere' */
  readonly availability?: Availability;
  /**
   * Whether an order at an address on several lots stops at `waiting for user` (the KIK flow).
   * @default true for slugs starting with `eigendomsinformatie` or `hypotheekinformatie`
   */
  readonly waitsForUser?: boolean;
  /**
   * Whether finished jobs have linked Kadaster documents (`GET /documents/list`).
   * @default true for the Kadaster slugs (eigendoms-, hypotheek-, kadastrale, koopsom, objectlijst…)
   */
  readonly kadaster?: boolean;
}

/**
 * A product with every default filled in.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.catalogue.product('percelenrapport')?.steps; // [10, 10]
 * ```
 */
export interface Product {
  readonly slug: string;
  readonly name: string;
  readonly steps: Range;
  readonly stepMs: Range;
  readonly queueMs: Range;
  readonly errorRate: number;
  readonly resultBytes: number;
  readonly format: 'pdf' | 'json';
  readonly availability: Availability;
  readonly waitsForUser: boolean;
  readonly kadaster: boolean;
}

const plan = (slug: string, name: string, steps: number | Range, stepMs: Range): ProductSpec => ({
  slug,
  name,
  steps,
  stepMs,
  availability: 'plan',
});

/**
 * The built-in products: the slugs of the reference (§5.1) with made-up timings, the documentation's
 * placeholder `test-example-product`, and `test-failing-product`, which always ends in `error`.
 *
 * @example
 * ```ts
 * import { defaultProducts } from 'planviewer-rx/simulator';
 * defaultProducts.find((p) => p.slug === 'percelenrapport'); // 10 steps of 3–12 s
 * ```
 */
export const defaultProducts: readonly ProductSpec[] = [
  plan('bestemmingsplanrapport', 'Bestemmingsplanrapport', 6, [1_000, 4_000]),
  plan('bestemmingsplankaart', 'Bestemmingsplankaart', 4, [1_000, 3_000]),
  {
    slug: 'vraagprijsrapport',
    name: 'Vraagprijsrapport',
    steps: 5,
    stepMs: [2_000, 6_000],
    availability: 'adres',
  },
  { slug: 'maatvoering-perceel', name: 'Maatvoering perceel', steps: 3, stepMs: [1_000, 3_000] },
  { slug: 'percelenrapport', name: 'Percelenrapport', steps: 10, stepMs: [3_000, 12_000] },
  { slug: 'kadastraledocumenten', name: 'Kadastrale documenten', steps: 3, stepMs: [1_000, 4_000] },
  {
    slug: 'uittreksel-kadastrale-kaart',
    name: 'Uittreksel kadastrale kaart',
    steps: [2, 3],
    stepMs: [500, 1_500],
  },
  {
    slug: 'uittreksel-kadastrale-kaart-kik6',
    name: 'Uittreksel kadastrale kaart 6.0',
    steps: [2, 3],
    stepMs: [500, 1_500],
  },
  { slug: 'koopsomoverzicht', name: 'Koopsomoverzicht', steps: 3, stepMs: [1_000, 3_000] },
  { slug: 'objectlijstrechthebbende', name: 'Objectlijst rechthebbende', steps: 3, stepMs: [1_000, 3_000] },
  { slug: 'eigendomsinformatie', name: 'Eigendomsinformatie', steps: 4, stepMs: [1_000, 3_000] },
  { slug: 'eigendomsinformatie-kik5', name: 'Eigendomsinformatie KIK 5.0', steps: 4, stepMs: [1_000, 3_000] },
  { slug: 'eigendomsinformatie-json', name: 'Eigendomsinformatie (JSON)', steps: 4, stepMs: [500, 1_500] },
  { slug: 'hypotheekinformatie', name: 'Hypotheekinformatie', steps: 4, stepMs: [1_000, 3_000] },
  { slug: 'hypotheekinformatie-json', name: 'Hypotheekinformatie (JSON)', steps: 4, stepMs: [500, 1_500] },
  { slug: 'objectlijstpersoon-pdf', name: 'Objectlijst persoon (PDF)', steps: 3, stepMs: [1_000, 3_000] },
  { slug: 'objectlijstpersoon-json', name: 'Objectlijst persoon (JSON)', steps: 3, stepMs: [500, 1_500] },
  { slug: 'brondocument', name: 'Brondocument', steps: 2, stepMs: [1_000, 3_000], availability: 'documents' },
  {
    slug: 'test-example-product',
    name: 'Test example product',
    steps: 2,
    stepMs: [200, 500],
    queueMs: [100, 300],
  },
  {
    slug: 'test-failing-product',
    name: 'Test failing product (always ends in error)',
    steps: 3,
    stepMs: [500, 1_500],
    errorRate: 1,
  },
];

const KIK_SLUG = /^(eigendomsinformatie|hypotheekinformatie)/;
const KADASTER_SLUG =
  /^(eigendomsinformatie|hypotheekinformatie|kadastraledocumenten|uittreksel-kadastrale-kaart|koopsomoverzicht|objectlijst)/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Validates a {@link ProductSpec} and fills in its defaults. Throws a `TypeError` naming the product when a
 * value cannot work (a typo in a benchmark's config should fail at start-up, not as a hung job).
 *
 * @example
 * ```ts
 * import { normalizeProduct } from 'planviewer-rx/simulator';
 * normalizeProduct({ slug: 'x', name: 'X', steps: 2, stepMs: [10, 20] }).queueMs; // [200, 1000]
 * ```
 */
export const normalizeProduct = (spec: ProductSpec): Product => {
  const fail = (why: string): never => {
    throw new TypeError(`simulator product ${JSON.stringify(spec.slug)}: ${why}`);
  };
  if (typeof spec.slug !== 'string' || !SLUG.test(spec.slug))
    fail('slug must be lowercase letters, digits, dashes');
  if (typeof spec.name !== 'string' || spec.name === '') fail('name must be a non-empty string');
  const steps = typeof spec.steps === 'number' ? ([spec.steps, spec.steps] as const) : spec.steps;
  if (!validRange(steps) || steps[0] < 1 || !Number.isInteger(steps[0]) || !Number.isInteger(steps[1])) {
    fail('steps must be a whole number >= 1 or a [min, max] range of them');
  }
  if (!validRange(spec.stepMs)) fail('stepMs must be a [min, max] range of ms >= 0');
  const queueMs = spec.queueMs ?? ([200, 1_000] as const);
  if (!validRange(queueMs)) fail('queueMs must be a [min, max] range of ms >= 0');
  const errorRate = spec.errorRate ?? 0;
  if (!(errorRate >= 0 && errorRate <= 1)) fail('errorRate must be between 0 and 1');
  const resultBytes = spec.resultBytes ?? 0;
  if (!(Number.isSafeInteger(resultBytes) && resultBytes >= 0))
    fail('resultBytes must be a whole number >= 0');
  return {
    slug: spec.slug,
    name: spec.name,
    steps,
    stepMs: spec.stepMs,
    queueMs,
    errorRate,
    resultBytes,
    format: spec.format ?? (spec.slug.endsWith('-json') ? 'json' : 'pdf'),
    availability: spec.availability ?? 'everywhere',
    waitsForUser: spec.waitsForUser ?? KIK_SLUG.test(spec.slug),
    kadaster: spec.kadaster ?? KADASTER_SLUG.test(spec.slug),
  };
};

const validRange = (range: Range | undefined): range is Range =>
  Array.isArray(range) &&
  range.length === 2 &&
  Number.isFinite(range[0]) &&
  Number.isFinite(range[1]) &&
  range[0] >= 0 &&
  range[0] <= range[1];
