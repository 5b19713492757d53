import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The ledger's file name inside the output folder.
 *
 * @example
 * import * as path from 'node:path';
 * import { LEDGER_FILE } from './Ledger';
 * declare const outDir: string;
 * path.join(outDir, LEDGER_FILE); // '/home/me/out/planviewer-ledger.jsonl'
 */
export const LEDGER_FILE = 'planviewer-ledger.jsonl';

/**
 * One line of the ledger. Written and fsynced at the moments that matter: before an order POST
 * (`ordering`), right after it (`ordered` per job, or `order-failed` / `order-unknown`), and after each
 * file is safely renamed into place (`downloaded`), so that a crash at any moment loses no job uuid.
 *
 * @example
 * import { LedgerEntry } from './Ledger';
 * const line: LedgerEntry = { type: 'ordered', order: 'o-1', at: '2026-11-28T10:37:09.127Z', intention: 'i-1', job: 'j-1' };
 */
export type LedgerEntry =
  | {
      readonly type: 'ordering';
      readonly order: string;
      readonly at: string;
      readonly intentions: readonly string[];
      /** What people call each intention (`product @ address`), when the orderer knew it. */
      readonly labels?: Readonly<Record<string, string>>;
    }
  | {
      readonly type: 'ordered';
      readonly order: string;
      readonly at: string;
      readonly intention: string;
      readonly job: string;
    }
  | {
      readonly type: 'order-failed';
      readonly order: string;
      readonly at: string;
      readonly error: string;
      readonly message: string;
    }
  | {
      readonly type: 'order-unknown';
      readonly order: string;
      readonly at: string;
      readonly intentions: readonly string[];
      readonly message: string;
    }
  | {
      readonly type: 'downloaded';
      readonly at: string;
      readonly job: string;
      readonly file: string;
      readonly bytes: number;
    }
  | {
      readonly type: 'job-failed';
      readonly at: string;
      readonly job: string;
      readonly error: string;
      readonly message: string;
    };

/** Distributes Omit over the union so each entry keeps its own fields. */
type WithoutAt<T> = T extends unknown ? Omit<T, 'at'> : never;

/**
 * What `resume` must do, read from the ledger.
 *
 * @example
 * import { Ledger } from './Ledger';
 * declare const outDir: string;
 * const { pending, needsCheck } = new Ledger(outDir).state();
 */
export interface LedgerState {
  /** Jobs ordered and not yet downloaded, with their intention. */
  readonly pending: ReadonlyArray<{ readonly job: string; readonly intention: string }>;
  /** Orders whose outcome is unknown (recorded as such, or a crash between `ordering` and its answer). */
  readonly needsCheck: ReadonlyArray<{
    readonly order: string;
    readonly intentions: readonly string[];
    readonly reason: string;
  }>;
  readonly downloaded: ReadonlyArray<{ readonly job: string; readonly file: string }>;
  readonly failed: ReadonlyArray<{ readonly job: string; readonly error: string }>;
  /** Intention uuid → label, from the `ordering` entries that had them. */
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * An append-only JSONL journal of orders and downloads, fsynced on every write (format: docs/cli.md).
 *
 * @example
 * import { randomUUID } from 'node:crypto';
 * import { Ledger } from './Ledger';
 * const ledger = new Ledger('./out');
 * ledger.append({ type: 'ordering', order: randomUUID(), intentions: ['3ca18ee6-a6be-4934-8e4a-3edc8b2106dd'] });
 * ledger.state().needsCheck; // that order, until an `ordered` or `order-failed` line follows
 */
export class Ledger {
  readonly file: string;

  constructor(outDir: string) {
    this.file = path.join(outDir, LEDGER_FILE);
  }

  /** Appends one entry and waits until it is on disk. Synchronous on purpose: nothing may run in between. */
  append(entry: WithoutAt<LedgerEntry>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const line = `${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`;
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, line);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Every readable entry; a torn last line (a crash mid-write) is skipped. */
  entries(): LedgerEntry[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    return text.split('\n').flatMap((line) => {
      if (line.trim() === '') return [];
      try {
        return [JSON.parse(line) as LedgerEntry];
      } catch {
        return [];
      }
    });
  }

  /** Folds the entries into what is pending, what needs a manual check, and what is done. */
  state(): LedgerState {
    const jobs = new Map<string, string>();
    const downloaded = new Map<string, string>();
    const failed = new Map<string, string>();
    const orders = new Map<string, { intentions: readonly string[]; settled: boolean; unknown?: string }>();
    const labels = new Map<string, string>();
    for (const e of this.entries()) {
      switch (e.type) {
        case 'ordering':
          orders.set(e.order, { intentions: e.intentions, settled: false });
          for (const [intention, label] of Object.entries(e.labels ?? {})) labels.set(intention, label);
          break;
        case 'ordered': {
          jobs.set(e.job, e.intention);
          const o = orders.get(e.order);
          if (o !== undefined) o.settled = true;
          break;
        }
        case 'order-failed': {
          const o = orders.get(e.order);
          if (o !== undefined) o.settled = true;
          break;
        }
        case 'order-unknown':
          orders.set(e.order, { intentions: e.intentions, settled: true, unknown: e.message });
          break;
        case 'downloaded':
          downloaded.set(e.job, e.file);
          break;
        case 'job-failed':
          failed.set(e.job, e.error);
          break;
      }
    }
    return {
      // A job that failed on the server stays failed; any other failure (deadline, network) is worth a retry.
      pending: [...jobs]
        .filter(([job]) => !downloaded.has(job) && failed.get(job) !== 'JobFailed')
        .map(([job, intention]) => ({ job, intention })),
      needsCheck: [...orders].flatMap(([order, o]) =>
        o.unknown !== undefined
          ? [{ order, intentions: o.intentions, reason: o.unknown }]
          : o.settled
            ? []
            : [
                {
                  order,
                  intentions: o.intentions,
                  reason: 'the program stopped before the order was answered',
                },
              ],
      ),
      downloaded: [...downloaded].map(([job, file]) => ({ job, file })),
      failed: [...failed].map(([job, error]) => ({ job, error })),
      labels,
    };
  }
}
