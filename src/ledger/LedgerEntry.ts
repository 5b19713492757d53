import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatValidationErrors } from '../codecs/decode';

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const Labels = t.record(t.string, t.string);

const Ordering = t.intersection([
  t.type({
    type: t.literal('ordering'),
    order: t.string,
    at: t.string,
    intentions: t.readonlyArray(t.string),
  }),
  t.partial({ labels: Labels, worker: t.string }),
]);
const Ordered = t.type({
  type: t.literal('ordered'),
  order: t.string,
  at: t.string,
  intention: t.string,
  job: t.string,
});
const OrderFailed = t.type({
  type: t.literal('order-failed'),
  order: t.string,
  at: t.string,
  error: t.string,
  message: t.string,
});
const OrderUnknown = t.type({
  type: t.literal('order-unknown'),
  order: t.string,
  at: t.string,
  intentions: t.readonlyArray(t.string),
  message: t.string,
});
const Downloaded = t.type({
  type: t.literal('downloaded'),
  at: t.string,
  job: t.string,
  file: t.string,
  bytes: t.number,
});
const JobDone = t.type({ type: t.literal('job-done'), at: t.string, job: t.string });
const JobFailedEntry = t.intersection([
  t.type({ type: t.literal('job-failed'), at: t.string, job: t.string, error: t.string, message: t.string }),
  t.partial({ final: t.boolean }),
]);

/**
 * One line of a JSONL ledger, the format the CLI has always written (docs/cli.md), plus `job-done` (a
 * result delivered to a library caller that saved no file), `worker` on `ordering`, and `final` on
 * `job-failed`. Older readers ignore what they do not know, and that errs on the safe side: a job they
 * cannot see ended stays pending, so it is downloaded again rather than lost.
 *
 * @example
 * import { LedgerEntryCodec } from './LedgerEntry';
 * LedgerEntryCodec.is({ type: 'ordered', order: 'o-1', at: '2026-11-28T10:37:09.127Z', intention: 'i-1', job: 'j-1' }); // true
 *
 * @since 0.2.0
 * @category codecs
 */
export const LedgerEntryCodec = t.union([
  Ordering,
  Ordered,
  OrderFailed,
  OrderUnknown,
  Downloaded,
  JobDone,
  JobFailedEntry,
]);

/**
 * One entry of a journal ledger (JSONL file, browser storage, memory).
 *
 * @example
 * import type { LedgerEntry } from 'planviewer-rx/ledger';
 * const e: LedgerEntry = { type: 'job-done', at: '2026-11-28T10:37:09.127Z', job: '7e6d5c4b-3a29-4f18-9e07-222222222222' };
 *
 * @category model
 */
export type LedgerEntry = t.TypeOf<typeof LedgerEntryCodec>;

const KNOWN_TYPES = new Set([
  'ordering',
  'ordered',
  'order-failed',
  'order-unknown',
  'downloaded',
  'job-done',
  'job-failed',
]);

// -------------------------------------------------------------------------------------
// destructors
// -------------------------------------------------------------------------------------

/**
 * Reads JSONL text into entries. A line that is not JSON is a write torn by a crash (it was never
 * acknowledged: the write did not return) and is skipped; so are entries of a type this version does not
 * know (written by a newer one). A JSON line that is not a valid entry is a Left naming the line: a
 * damaged ledger is refused, never half-read, since a skipped entry may hold a job uuid.
 *
 * @example
 * import { parseLedgerText } from './LedgerEntry';
 * parseLedgerText('{"type":"job-done","at":"2026-11-28T10:37:09.127Z","job":"j-1"}\n{"type":"ord'); // Right([one entry])
 *
 * @since 0.2.0
 * @category destructors
 */
export const parseLedgerText = (text: string): E.Either<string, readonly LedgerEntry[]> => {
  const lines = text.split('\n');
  const entries: LedgerEntry[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
    if (typeof type === 'string' && !KNOWN_TYPES.has(type)) continue;
    const decoded = LedgerEntryCodec.decode(json);
    if (E.isLeft(decoded))
      return E.left(`line ${i + 1} is not a ledger entry: ${formatValidationErrors(decoded.left)[0] ?? ''}`);
    entries.push(decoded.right);
  }
  return E.right(entries);
};

/**
 * Entries as JSONL text, one line each.
 *
 * @example
 * import { ledgerText } from './LedgerEntry';
 * ledgerText([{ type: 'job-done', at: '2026-11-28T10:37:09.127Z', job: 'j-1' }]); // '{"type":"job-done",…}\n'
 *
 * @category destructors
 */
export const ledgerText = (entries: readonly LedgerEntry[]): string =>
  entries.map((e) => `${JSON.stringify(e)}\n`).join('');
