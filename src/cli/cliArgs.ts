import * as E from 'fp-ts/lib/Either.js';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isUuid } from '../endpoints/uuid';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Every subcommand of `planviewer`.
 *
 * @example
 * import { COMMAND_NAMES } from './cliArgs';
 * COMMAND_NAMES.includes('resume'); // true
 */
export const COMMAND_NAMES = [
  'products',
  'search',
  'intentions',
  'order',
  'status',
  'download',
  'resume',
] as const;

/**
 * One subcommand name.
 *
 * @example
 * import { CommandName } from './cliArgs';
 * const name: CommandName = 'order';
 */
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * Options every subcommand understands.
 *
 * @example
 * import { CommonOptions, DEFAULT_BASE_URL } from './cliArgs';
 * const common: CommonOptions = { baseUrl: DEFAULT_BASE_URL, outDir: '/home/me/out', json: false, force: false, simSpeed: 1 };
 */
export interface CommonOptions {
  /** Origin of the Product API. @default 'https://www.planviewer.nl' */
  readonly baseUrl: string;
  /** Folder for results and the ledger, absolute. @default './out' */
  readonly outDir: string;
  /** One JSON object per line on stdout instead of text and bars. */
  readonly json: boolean;
  /** Replace existing result files instead of adding a `-1` suffix. */
  readonly force: boolean;
  /** The simulator's clock speed, to scale polling delays down to match (1 against the real API). */
  readonly simSpeed: number;
}

/**
 * Options of the commands that follow jobs (`order`, `download`, `resume`).
 *
 * @example
 * import { FollowFlags } from './cliArgs';
 * const follow: FollowFlags = { choose: 1, deadlineMs: 600_000 }; // --choose 1 --deadline 600
 */
export interface FollowFlags {
  /** Lot number to answer every "waiting for user" job with; otherwise ask on a TTY. */
  readonly choose?: number;
  /** Give up following a job after this many ms (it goes on on the server; resume it later). */
  readonly deadlineMs?: number;
}

/**
 * A parsed command line: what to run, with validated arguments. Positional uuids are checked here, so an
 * order with a typo is refused before anything is written or sent.
 *
 * @example
 * import { parseCommandLine } from './cliArgs';
 * parseCommandLine(['order', '--yes', '3ca18ee6-a6be-4934-8e4a-3edc8b2106dd']);
 * // Right({ kind: 'order', intentions: ['3ca18ee6-…'], yes: true, common: { outDir: '/…/out', … } })
 */
export type CliCommand =
  | { readonly kind: 'help'; readonly topic?: CommandName }
  | { readonly kind: 'version' }
  | { readonly kind: 'products'; readonly common: CommonOptions }
  | {
      readonly kind: 'search';
      readonly common: CommonOptions;
      readonly postcode: string;
      readonly huisnummer: string;
      readonly huisletter?: string;
      readonly toevoeging?: string;
    }
  | {
      readonly kind: 'intentions';
      readonly common: CommonOptions;
      readonly locations: readonly string[];
      readonly products: readonly string[];
    }
  | {
      readonly kind: 'order';
      readonly common: CommonOptions;
      readonly follow: FollowFlags;
      readonly intentions: readonly string[];
      readonly yes: boolean;
      /** Where the intentions are: look them up there first (labels, and a check that they exist). */
      readonly locations: readonly string[];
      /** `--max-orders-per-day N`: refuse an order that would take today's products past N. */
      readonly maxOrdersPerDay?: number;
    }
  | { readonly kind: 'status'; readonly common: CommonOptions; readonly jobs: readonly string[] }
  | {
      readonly kind: 'download';
      readonly common: CommonOptions;
      readonly follow: FollowFlags;
      readonly jobs: readonly string[];
    }
  | { readonly kind: 'resume'; readonly common: CommonOptions; readonly follow: FollowFlags };

/**
 * A command line that cannot run; `command` names the subcommand whose help to point at.
 *
 * @example
 * import { UsageError } from './cliArgs';
 * const e: UsageError = { message: 'expected at least one intention uuid', command: 'order' };
 */
export interface UsageError {
  readonly message: string;
  readonly command?: CommandName;
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The Product API's documented host.
 *
 * @example
 * import { createPlanviewer } from 'planviewer-rx';
 * import { DEFAULT_BASE_URL } from './cliArgs';
 * declare const credentials: { key: string; secret: string };
 * createPlanviewer({ credentials, baseUrl: DEFAULT_BASE_URL });
 */
export const DEFAULT_BASE_URL = 'https://www.planviewer.nl';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
  'base-url': { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  'sim-speed': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const FOLLOW: Options = {
  choose: { type: 'string' },
  deadline: { type: 'string' },
};

/** The options each subcommand accepts, on top of {@link COMMON}. */
const COMMAND_OPTIONS: Record<CommandName, Options> = {
  products: {},
  search: { huisletter: { type: 'string' }, toevoeging: { type: 'string' } },
  intentions: { product: { type: 'string', short: 'p', multiple: true } },
  order: {
    ...FOLLOW,
    yes: { type: 'boolean', short: 'y' },
    location: { type: 'string', multiple: true },
    'max-orders-per-day': { type: 'string' },
  },
  status: {},
  download: FOLLOW,
  resume: FOLLOW,
};

const isCommandName = (s: string): s is CommandName => (COMMAND_NAMES as readonly string[]).includes(s);

const usage = (message: string, command?: CommandName): E.Either<UsageError, never> =>
  E.left(command === undefined ? { message } : { message, command });

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

const str = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

const positiveNumber = (
  values: Values,
  name: string,
  command: CommandName,
  integer: boolean,
): E.Either<UsageError, number | undefined> => {
  const raw = str(values, name);
  if (raw === undefined) return E.right(undefined);
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n))
    ? E.right(n)
    : usage(`--${name}: expected a ${integer ? 'whole ' : ''}number above 0, got "${raw}"`, command);
};

const uuids = (
  list: readonly string[],
  what: string,
  command: CommandName,
): E.Either<UsageError, readonly string[]> => {
  if (list.length === 0) return usage(`expected at least one ${what} uuid`, command);
  const bad = list.find((u) => !isUuid(u));
  if (bad !== undefined)
    return usage(
      `not a valid ${what} uuid: "${bad}" (expected like 7e6d5c4b-3a29-4f18-9e07-222222222222)`,
      command,
    );
  const dup = list.find((u, i) => list.indexOf(u) !== i);
  if (dup !== undefined) return usage(`${what} uuid given twice: ${dup}`, command);
  return E.right(list);
};

/**
 * Parses `planviewer`'s arguments (without `node` and the script) with `node:util` `parseArgs`: the first
 * positional is the subcommand, options may come before or after it, unknown options are refused. Pure:
 * relative paths resolve against `cwd`.
 *
 * @example
 * import { parseCommandLine } from './cliArgs';
 * parseCommandLine(['--json', 'search', '1234 ab', '2', '--huisletter', 'b']);
 * // Right({ kind: 'search', postcode: '1234 ab', huisnummer: '2', huisletter: 'b', common: { json: true, … } })
 * parseCommandLine(['order']); // Left({ message: 'expected at least one intention uuid', command: 'order' })
 */
export const parseCommandLine = (
  argv: readonly string[],
  cwd: string = process.cwd(),
): E.Either<UsageError, CliCommand> => {
  // First pass, lenient, only to find the subcommand (options may precede it).
  let tokens;
  try {
    tokens = parseArgs({
      args: [...argv],
      options: { ...COMMON, version: { type: 'boolean', short: 'V' } },
      strict: false,
      allowPositionals: true,
      tokens: true,
    }).tokens;
  } catch (e) {
    return usage((e as Error).message);
  }
  const first = tokens.find((t) => t.kind === 'positional');
  if (first === undefined) {
    const names = new Set(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
    if (names.has('version') && !names.has('help')) return E.right({ kind: 'version' });
    if (names.has('help') || argv.length === 0) return E.right({ kind: 'help' });
    return usage('missing the command');
  }
  const name = first.value;
  if (!isCommandName(name)) return usage(`unknown command "${name}"`);
  const rest = argv.filter((_, i) => i !== first.index);

  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON, ...COMMAND_OPTIONS[name] },
      strict: true,
      allowPositionals: true,
    }) as { values: Values; positionals: string[] });
  } catch (e) {
    // parseArgs explains unknown options and missing values well; drop its advice about `--`.
    return usage((e as Error).message.replace(/\s*To specify a positional argument.*$/s, ''), name);
  }
  if (values['help'] === true) return E.right({ kind: 'help', topic: name });

  const baseUrl = str(values, 'base-url') ?? DEFAULT_BASE_URL;
  const speed = positiveNumber(values, 'sim-speed', name, false);
  if (E.isLeft(speed)) return speed;
  const common: CommonOptions = {
    baseUrl,
    outDir: path.resolve(cwd, str(values, 'out') ?? 'out'),
    json: values['json'] === true,
    force: values['force'] === true,
    simSpeed: speed.right ?? 1,
  };

  const followFlags = (): E.Either<UsageError, FollowFlags> => {
    const choose = positiveNumber(values, 'choose', name, true);
    if (E.isLeft(choose)) return choose;
    const deadline = positiveNumber(values, 'deadline', name, false);
    if (E.isLeft(deadline)) return deadline;
    return E.right({
      ...(choose.right === undefined ? {} : { choose: choose.right }),
      ...(deadline.right === undefined ? {} : { deadlineMs: Math.round(deadline.right * 1000) }),
    });
  };
  const noPositionals = (): E.Either<UsageError, void> =>
    positionals.length === 0
      ? E.right(undefined)
      : usage(`unexpected argument "${positionals[0] ?? ''}"`, name);

  switch (name) {
    case 'products':
      return E.map(() => ({ kind: name, common }) as const)(noPositionals());
    case 'search': {
      if (positionals.length !== 2)
        return usage('expected a postcode and a house number, e.g. search 1234AB 2', name);
      const huisletter = str(values, 'huisletter');
      const toevoeging = str(values, 'toevoeging');
      return E.right({
        kind: name,
        common,
        postcode: positionals[0] ?? '',
        huisnummer: positionals[1] ?? '',
        ...(huisletter === undefined ? {} : { huisletter }),
        ...(toevoeging === undefined ? {} : { toevoeging }),
      });
    }
    case 'intentions': {
      const products = (values['product'] as string[] | undefined) ?? [];
      if (products.length === 0)
        return usage('expected at least one --product slug (see `planviewer products`)', name);
      return E.map((locations: readonly string[]) => ({ kind: name, common, locations, products }))(
        uuids(positionals, 'location', name),
      );
    }
    case 'order': {
      const intentions = uuids(positionals, 'intention', name);
      if (E.isLeft(intentions)) return intentions;
      const given = (values['location'] as string[] | undefined) ?? [];
      const locations = given.length === 0 ? E.right([]) : uuids(given, 'location', name);
      if (E.isLeft(locations)) return locations;
      const maxPerDay = positiveNumber(values, 'max-orders-per-day', name, true);
      if (E.isLeft(maxPerDay)) return maxPerDay;
      return E.map((follow: FollowFlags) => ({
        kind: name,
        common,
        follow,
        intentions: intentions.right,
        yes: values['yes'] === true,
        locations: locations.right,
        ...(maxPerDay.right === undefined ? {} : { maxOrdersPerDay: maxPerDay.right }),
      }))(followFlags());
    }
    case 'status':
      return E.map((jobs: readonly string[]) => ({ kind: name, common, jobs }))(
        uuids(positionals, 'job', name),
      );
    case 'download': {
      const jobs = uuids(positionals, 'job', name);
      if (E.isLeft(jobs)) return jobs;
      return E.map((follow: FollowFlags) => ({ kind: name, common, follow, jobs: jobs.right }))(
        followFlags(),
      );
    }
    case 'resume': {
      const none = noPositionals();
      if (E.isLeft(none)) return none;
      return E.map((follow: FollowFlags) => ({ kind: name, common, follow }))(followFlags());
    }
  }
};
