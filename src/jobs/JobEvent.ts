import type { RetrievedFile } from './RetrievedFile';

/**
 * The events of one job, in order: `Ordered` (order$ only) → `Progress` (on every change of status or
 * progress, not on every poll) → `WaitingForUser` where a decision is needed → `Downloading` → `Result`
 * (or `Finished` when downloading is switched off).
 *
 * @since 0.1.0
 * @category model
 */
export type JobEvent = Ordered | Progress | WaitingForUser | Downloading | Result | Finished;

/** The order was placed: persist `job` now, it is how you resume. @category model */
export interface Ordered {
  readonly _tag: 'Ordered';
  readonly intention: string;
  readonly job: string;
}

/** The job's status or progress changed. @category model */
export interface Progress {
  readonly _tag: 'Progress';
  readonly job: string;
  /** The server's status string: one of the documented five, or a new one kept as is. */
  readonly status: string;
  readonly current: number;
  readonly total: number;
  /** Estimated milliseconds until the job finishes, once the poller has seen it advance. */
  readonly eta?: number;
}

/** One location the user can choose for a job that waits for a decision. @category model */
export interface Choice {
  /** The number to pass to `select`. */
  readonly index: number;
  readonly label: string;
}

/** The job needs the user to choose one location (KIK products); answer with `select(job, index)`. @category model */
export interface WaitingForUser {
  readonly _tag: 'WaitingForUser';
  readonly job: string;
  readonly message: string;
  readonly choices: readonly Choice[];
}

/** Bytes of the result read so far. @category model */
export interface Downloading {
  readonly _tag: 'Downloading';
  readonly job: string;
  readonly loaded: number;
  readonly total?: number;
}

/** The job's result file; the last event of the job. @category model */
export interface Result {
  readonly _tag: 'Result';
  readonly job: string;
  /** The ordered intention, when known (always for order$; for job$ only when given). */
  readonly intention?: string;
  readonly file: RetrievedFile;
}

/** The job finished and downloading was switched off: fetch the file later with `retrieve(job)`. @category model */
export interface Finished {
  readonly _tag: 'Finished';
  readonly job: string;
  readonly intention?: string;
}
