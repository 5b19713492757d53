/**
 * API accounts: Basic-auth credentials, payment on account, and the daily order cap with its grace margin
 * (§2, §5.4, §9).
 *
 * Choices where the reference is silent: one order of N intentions counts N; the day is the UTC calendar
 * day of the simulator's clock; an order that would go past cap + grace is refused whole (429, nothing
 * placed), so a client never has to reconcile a half-placed order.
 */
import * as crypto from 'node:crypto';

/**
 * An account as configured.
 *
 * @example
 * ```ts
 * import { builtInAccounts, startSimulator } from 'planviewer-rx/simulator';
 * const sim = await startSimulator({
 *   accounts: [...builtInAccounts, { key: 'tight', secret: 'tight-secret', dailyCap: 1, grace: 0 }],
 * });
 * ```
 */
export interface AccountConfig {
  /** Access key id: the Basic-auth user name. */
  readonly key: string;
  /** Access key secret: the Basic-auth password. Never logged, never returned by the registry. */
  readonly secret: string;
  readonly name?: string;
  /** Without payment on account every order gets 402. @default true */
  readonly paymentOnAccount?: boolean;
  /** Orders per day before Planviewer "sends the e-mail". @default 10 */
  readonly dailyCap?: number;
  /** Orders still accepted after the cap; beyond cap + grace, 429. @default 3 */
  readonly grace?: number;
  /** Product slugs this account sees and may order (the reference says the list varies). @default all */
  readonly products?: readonly string[];
}

/**
 * An account as the registry shows it: everything but the secret.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.accounts.get('demo')?.dailyCap; // 10
 * ```
 */
export interface Account {
  readonly key: string;
  readonly name: string;
  readonly paymentOnAccount: boolean;
  readonly dailyCap: number;
  readonly grace: number;
  /** Allowed product slugs, or null for all. */
  readonly products: readonly string[] | null;
}

/**
 * An account's order count for the current day.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.accounts.usage('demo'); // { day: '2026-01-05', ordered: 11, capReachedAt: 1767…, remaining: 2, … }
 * ```
 */
export interface AccountUsage {
  readonly key: string;
  /** UTC day of the simulator clock, `YYYY-MM-DD`. */
  readonly day: string;
  /** Intentions ordered that day (an order of N counts N). */
  readonly ordered: number;
  readonly dailyCap: number;
  readonly grace: number;
  /** Orders still accepted today before 429. */
  readonly remaining: number;
  /** Simulated time at which the cap was reached (when Planviewer would e-mail), or null. */
  readonly capReachedAt: number | null;
}

/**
 * Inspect and change accounts while the simulator runs.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * sim.accounts.update('demo', { paymentOnAccount: false }); // next order → 402
 * ```
 */
export interface AccountRegistry {
  get(key: string): Account | undefined;
  list(): readonly Account[];
  /** Adds an account (throws if the key exists). */
  add(config: AccountConfig): Account;
  /** Changes settings of an existing account; today's order count is kept. */
  update(key: string, patch: Partial<Omit<AccountConfig, 'key'>>): Account;
  /** Today's order count (throws for an unknown key). */
  usage(key: string): AccountUsage;
}

/** The result of checking an `Authorization` header. @internal */
export type Authentication =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'valid'; readonly account: Account };

/** The registry plus what only the server may do. @internal */
export interface AccountStore extends AccountRegistry {
  authenticate(authorization: string | undefined): Authentication;
  /** Counts `count` orders at `now` if they fit under cap + grace; false (and nothing counted) if not. */
  reserveOrders(key: string, count: number, now: number): boolean;
}

/**
 * The main demo account: payment on account, cap 10, grace 3.
 *
 * @example
 * ```ts
 * import type { Simulator } from 'planviewer-rx/simulator';
 * import { demoAccount } from 'planviewer-rx/simulator';
 * declare const sim: Simulator;
 * const basic = (a: { key: string; secret: string }) => `Basic ${btoa(`${a.key}:${a.secret}`)}`;
 * fetch(`${sim.url}/product_api/v1/products/list`, { headers: { authorization: basic(demoAccount) } });
 * ```
 */
export const demoAccount = {
  key: 'demo',
  secret: 'demo-secret',
  name: 'Demo',
  paymentOnAccount: true,
  dailyCap: 10,
  grace: 3,
} as const satisfies AccountConfig;

/**
 * A second paying account, to check that one account cannot see another's jobs (403).
 *
 * @example
 * ```ts
 * // retrieve demo's job with otherAccount's credentials → 403
 * ```
 */
export const otherAccount = {
  key: 'other',
  secret: 'other-secret',
  name: 'Other',
  paymentOnAccount: true,
  dailyCap: 10,
  grace: 3,
} as const satisfies AccountConfig;

/**
 * An account without payment on account: every order gets 402.
 *
 * @example
 * ```ts
 * // POST /jobs/order with noPaymentAccount → 402
 * ```
 */
export const noPaymentAccount = {
  key: 'no-payment',
  secret: 'no-payment-secret',
  name: 'No payment on account',
  paymentOnAccount: false,
  dailyCap: 10,
  grace: 3,
} as const satisfies AccountConfig;

/**
 * An account with a practically unlimited cap, for benchmarks and load tests.
 *
 * @example
 * ```ts
 * // 10,000 orders a day with benchAccount are fine
 * ```
 */
export const benchAccount = {
  key: 'bench',
  secret: 'bench-secret',
  name: 'Benchmark',
  paymentOnAccount: true,
  dailyCap: 1_000_000_000,
  grace: 0,
} as const satisfies AccountConfig;

/**
 * The accounts a simulator has unless told otherwise.
 *
 * @example
 * ```ts
 * import { builtInAccounts } from 'planviewer-rx/simulator';
 * builtInAccounts.map((a) => a.key); // ['demo', 'other', 'no-payment', 'bench']
 * ```
 */
export const builtInAccounts: readonly AccountConfig[] = [
  demoAccount,
  otherAccount,
  noPaymentAccount,
  benchAccount,
];

/** The UTC calendar day of an epoch-ms time, `YYYY-MM-DD`. @internal */
export const utcDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

interface Record_ {
  account: Account;
  secretDigest: Buffer;
  day: string;
  ordered: number;
  capReachedAt: number | null;
}

/** @internal */
export const createAccountStore = (
  configs: readonly AccountConfig[],
  clock: { now(): number },
): AccountStore => {
  const records = new Map<string, Record_>();

  const fail = (key: string, why: string): never => {
    throw new TypeError(`simulator account ${JSON.stringify(key)}: ${why}`);
  };
  const checkSecret = (key: string, secret: unknown): void => {
    if (typeof secret !== 'string' || secret === '') fail(key, 'secret must be a non-empty string');
  };
  const normalise = (config: Omit<AccountConfig, 'secret'>): Account => {
    if (typeof config.key !== 'string' || config.key === '' || config.key.includes(':')) {
      fail(config.key, 'key must be a non-empty string without ":"');
    }
    const dailyCap = config.dailyCap ?? 10;
    const grace = config.grace ?? 3;
    if (!(Number.isSafeInteger(dailyCap) && dailyCap >= 0))
      fail(config.key, 'dailyCap must be a whole number >= 0');
    if (!(Number.isSafeInteger(grace) && grace >= 0)) fail(config.key, 'grace must be a whole number >= 0');
    return {
      key: config.key,
      name: config.name ?? config.key,
      paymentOnAccount: config.paymentOnAccount ?? true,
      dailyCap,
      grace,
      products: config.products === undefined ? null : [...config.products],
    };
  };

  const record = (key: string): Record_ => {
    const found = records.get(key);
    if (found === undefined) throw new RangeError(`simulator: no account ${JSON.stringify(key)}`);
    // A new day starts a new count; rolled over lazily so no midnight timer is needed.
    const today = utcDay(clock.now());
    if (found.day !== today) {
      found.day = today;
      found.ordered = 0;
      found.capReachedAt = null;
    }
    return found;
  };

  const add = (config: AccountConfig): Account => {
    const account = normalise(config);
    checkSecret(account.key, config.secret);
    if (records.has(account.key)) throw new TypeError(`simulator account ${account.key} is configured twice`);
    records.set(account.key, {
      account,
      secretDigest: sha256(config.secret),
      day: utcDay(clock.now()),
      ordered: 0,
      capReachedAt: null,
    });
    return account;
  };

  for (const config of configs) add(config);

  return {
    get: (key) => records.get(key)?.account,
    list: () => [...records.values()].map((r) => r.account),
    add,
    update: (key, patch) => {
      const current = record(key);
      if (patch.secret !== undefined) checkSecret(key, patch.secret);
      const { secret, ...settings } = patch;
      current.account = normalise({
        ...current.account,
        products: current.account.products ?? undefined,
        ...settings,
        key,
      });
      if (secret !== undefined) current.secretDigest = sha256(secret);
      return current.account;
    },
    usage: (key) => {
      const r = record(key);
      const { dailyCap, grace } = r.account;
      return {
        key,
        day: r.day,
        ordered: r.ordered,
        dailyCap,
        grace,
        remaining: Math.max(0, dailyCap + grace - r.ordered),
        capReachedAt: r.capReachedAt,
      };
    },
    authenticate: (authorization) => {
      if (authorization === undefined || authorization === '') return { kind: 'none' };
      const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
      if (match === null) return { kind: 'invalid' };
      const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return { kind: 'invalid' };
      const found = records.get(decoded.slice(0, colon));
      // Compare digests so the comparison takes the same time whatever the secret's length.
      const given = sha256(decoded.slice(colon + 1));
      if (found === undefined || !crypto.timingSafeEqual(given, found.secretDigest))
        return { kind: 'invalid' };
      return { kind: 'valid', account: found.account };
    },
    reserveOrders: (key, count, now) => {
      const r = record(key);
      const today = utcDay(now);
      if (r.day !== today) {
        r.day = today;
        r.ordered = 0;
        r.capReachedAt = null;
      }
      const { dailyCap, grace } = r.account;
      if (r.ordered + count > dailyCap + grace) return false;
      r.ordered += count;
      if (r.capReachedAt === null && r.ordered >= dailyCap) r.capReachedAt = now;
      return true;
    },
  };
};

const sha256 = (text: string): Buffer => crypto.createHash('sha256').update(text, 'utf8').digest();
