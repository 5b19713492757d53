import type { PlanviewerError } from '../errors/PlanviewerError';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A failure named by its tag, for scripts: the kit fills in the request it would have come from.
 *
 * @example
 * import type { ScriptedFailure } from 'planviewer-rx/testing';
 * const capReached: ScriptedFailure = 'OrderCapReached';
 *
 * @since 0.1.0
 * @category model
 */
export type ScriptedFailure =
  'PaymentRequired' | 'OrderCapReached' | 'Unauthorized' | 'Forbidden' | 'ResultNotAvailable';

/**
 * The file a scripted job's `Result` carries. Every field has a default: a few bytes that start with
 * `%PDF-`, the name `<job>.pdf` and `application/pdf`.
 *
 * @example
 * import type { ScriptedFile } from 'planviewer-rx/testing';
 * const report: ScriptedFile = { content: '%PDF-1.7 …', filename: 'rapport.pdf' };
 *
 * @since 0.1.0
 * @category model
 */
export interface ScriptedFile {
  readonly content?: string | Uint8Array;
  /** `null` is a result without a file name (no Content-Disposition). */
  readonly filename?: string | null;
  readonly contentType?: string;
}

/**
 * What one job does, in virtual milliseconds after it was ordered (or after `job$` started following it):
 * `initial` for `queueMs`, then one `Progress` per step (`stepMs[i]` each), then its end.
 *
 * @example
 * import type { ScriptedJob } from 'planviewer-rx/testing';
 * const report: ScriptedJob = { intention: '0fe30323-a86e-4048-a7e7-6d60c3365dcb', stepMs: [1_000, 2_000] };
 * const kik: ScriptedJob = {
 *   intention: '3ca18ee6-a6be-4934-8e4a-3edc8b2106dd',
 *   stepMs: [1_000, 1_000],
 *   waitsForUser: { afterStep: 1, choices: ['Dorp A 100', 'Dorp A 101'] },
 * };
 * const refused: ScriptedJob = { intention: '5b2c1d0e-0000-4000-8000-000000000001', ends: 'Forbidden' };
 *
 * @since 0.1.0
 * @category model
 */
export interface ScriptedJob {
  /** The intention whose order creates this job. */
  readonly intention: string;
  /** The job uuid the order answers with. @default a uuid made from the job's place in the script */
  readonly job?: string;
  /** How long the job stays `initial` before its first step. @default 0 */
  readonly queueMs?: number;
  /** How long each step takes; the job has `stepMs.length` steps. @default [1000] */
  readonly stepMs?: readonly number[];
  /**
   * The job stops after step `afterStep` with status `waiting for user` and emits `WaitingForUser` with
   * these choices (indexes 1, 2, …); it goes on once `select` (or `onWaitingForUser`) picks one.
   */
  readonly waitsForUser?: {
    readonly afterStep: number;
    readonly message?: string;
    readonly choices: readonly string[];
  };
  /**
   * How the job ends after its last step: `'finished'` (then `Downloading` and `Result`, or `Finished`
   * with `download: false`), `'error'` (a `JobFailed` Left), or the Left of a failure.
   * @default 'finished'
   */
  readonly ends?: 'finished' | 'error' | ScriptedFailure | PlanviewerError;
  /** The result file. */
  readonly result?: ScriptedFile;
}

/**
 * One thing the code under test asked of the scripted client, with the virtual time it asked.
 *
 * @example
 * import type { SentRequest } from 'planviewer-rx/testing';
 * const order: SentRequest = { _tag: 'Order', at: 0, intentions: ['0fe30323-a86e-4048-a7e7-6d60c3365dcb'] };
 *
 * @since 0.1.0
 * @category model
 */
export type SentRequest =
  | { readonly _tag: 'Order'; readonly at: number; readonly intentions: readonly string[] }
  | { readonly _tag: 'Follow'; readonly at: number; readonly job: string }
  | { readonly _tag: 'Select'; readonly at: number; readonly job: string; readonly index: number };

/**
 * A request the script did not provide for, and why; `verify()` fails the test when there is any.
 *
 * @example
 * import type { UnexpectedRequest } from 'planviewer-rx/testing';
 * const seen: UnexpectedRequest = {
 *   request: { _tag: 'Follow', at: 0, job: '7e6d5c4b-3a29-4f18-9e07-222222222222' },
 *   reason: 'no scripted job has this uuid',
 * };
 *
 * @since 0.1.0
 * @category model
 */
export interface UnexpectedRequest {
  readonly request: SentRequest;
  readonly reason: string;
}
