import type { PlanviewerError } from '../errors/PlanviewerError';
import type { JobEvent } from '../jobs/JobEvent';
import type { ExitCodeValue } from './exitCodes';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * One saved result, as the summary lists it.
 *
 * @example
 * const saved: SavedResult = { job: '7e6d5c4b-3a29-4f18-9e07-222222222222', file: '/home/me/out/a.pdf', bytes: 1950 };
 */
export interface SavedResult {
  readonly job: string;
  /** Absolute path, always inside the output folder. */
  readonly file: string;
  readonly bytes: number;
}

/**
 * What a run of a command did: the `summary` record, printed last (as text, or as the last JSON line).
 *
 * @example
 * const s: RunSummary = { command: 'order', jobs: 1, files: [], bytes: 0, failed: [], waiting: [], running: [], exitCode: 0 };
 */
export interface RunSummary {
  readonly command: string;
  /** Jobs followed. */
  readonly jobs: number;
  readonly files: readonly SavedResult[];
  /** Bytes of all saved files. */
  readonly bytes: number;
  /** Jobs (or orders, without `job`) that ended with an error, by error tag. */
  readonly failed: ReadonlyArray<{ readonly job?: string; readonly error: string }>;
  /** Jobs left waiting for a user decision (`resume --choose N` finishes them). */
  readonly waiting: readonly string[];
  /** Jobs still running on the server when `--deadline` passed (`resume` finishes them). */
  readonly running: readonly string[];
  readonly exitCode: ExitCodeValue;
  /** Extra figures (the demo adds the simulator's request counts). */
  readonly extra?: Readonly<Record<string, number | string>>;
}

/**
 * Everything a command reports while it runs, one record per line of output: job events, errors, saved
 * files, answers given to "waiting for user", notes for people, and the final summary. The reporters
 * render records as text, live bars or JSON; nothing else writes to stdout.
 *
 * `label` is what people call the job (`bestemmingsplanrapport @ Voorbeeldstraat 2`), when known.
 *
 * @example
 * const r: CliRecord = { type: 'saved', job: '7e6d5c4b-3a29-4f18-9e07-222222222222', file: '/tmp/out/a.pdf', bytes: 1234 };
 */
export type CliRecord =
  | { readonly type: 'event'; readonly event: JobEvent; readonly label?: string }
  | {
      readonly type: 'error';
      readonly error: PlanviewerError;
      readonly label?: string;
      /** The one-shot command that failed (`products`, `search`…), when the error is not about a job or an order. */
      readonly command?: string;
    }
  | {
      readonly type: 'saved';
      readonly job: string;
      readonly file: string;
      readonly bytes: number;
      readonly label?: string;
    }
  | {
      readonly type: 'answered';
      readonly job: string;
      readonly index: number;
      readonly choice: string;
      readonly label?: string;
    }
  | {
      readonly type: 'needs-check';
      readonly order: string;
      readonly intentions: readonly string[];
      readonly reason: string;
    }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'summary'; readonly summary: RunSummary };

/**
 * The job an error ended, if it names one. Order-level errors (402, 429, unknown outcome) name none.
 *
 * @example
 * jobOfError({ _tag: 'JobFailed', job: 'j' }); // 'j'
 */
export const jobOfError = (e: PlanviewerError): string | undefined =>
  'job' in e && typeof e.job === 'string' ? e.job : undefined;
