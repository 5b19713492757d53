import type { PlanviewerError } from '../errors/PlanviewerError';

/**
 * The `planviewer` command's exit codes, documented in docs/cli.md. Scripts can tell "try tomorrow" (cap)
 * from "fix the account" (payment, auth) from "look at the ledger" (unknown outcome).
 *
 * @example
 * import { ExitCode } from './exitCodes';
 * process.exit(ExitCode.usage); // 2
 */
export const ExitCode = {
  /** Everything asked for is done. */
  ok: 0,
  /** A defect: a bug in this program. */
  defect: 1,
  /** Bad arguments, invalid input, or an order refused because `--yes` was not given. */
  usage: 2,
  /** 401/403: the credentials are wrong or may not do this. */
  auth: 3,
  /** 402: the account has no payment on account. */
  payment: 4,
  /** 429 on an order: the daily order cap is reached. */
  orderCap: 5,
  /** Some jobs failed (failed on the server, not found, timed out, download failed); the others are done. */
  partial: 6,
  /** An order may or may not have been placed; the ledger lists it for a manual check. */
  outcomeUnknown: 7,
  /**
   * The Product API could not be reached or gave no usable answer (network error, timeout, 5xx, 429, an
   * unexpected response) to a request that is not about one job: nothing was ordered or changed; try again.
   */
  unavailable: 8,
  /** `--deadline` passed while jobs were still running on the server; nothing failed: `planviewer resume`. */
  stillRunning: 9,
} as const;

/**
 * One of the {@link ExitCode} values.
 *
 * @example
 * import { ExitCode, type ExitCodeValue } from './exitCodes';
 * const code: ExitCodeValue = ExitCode.partial; // 6
 */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A job that ended without a result: most reasons are "some jobs failed". */
const jobExitCode = (e: PlanviewerError): ExitCodeValue => {
  switch (e._tag) {
    case 'Unauthorized':
    case 'Forbidden':
      return ExitCode.auth;
    case 'InvalidInput':
      return ExitCode.usage;
    case 'Timeout':
      // The job's own deadline: it goes on on the server, it did not fail.
      return e.lastStatus === undefined ? ExitCode.partial : ExitCode.stillRunning;
    default:
      return ExitCode.partial;
  }
};

/** A request that is not about one job (products, search, status, the order itself) failed. */
const commandExitCode = (e: PlanviewerError): ExitCodeValue => {
  switch (e._tag) {
    case 'Unauthorized':
    case 'Forbidden':
      return ExitCode.auth;
    case 'PaymentRequired':
      return ExitCode.payment;
    case 'OrderCapReached':
    case 'OrderBudgetExhausted':
      return ExitCode.orderCap;
    case 'OrderOutcomeUnknown':
      return ExitCode.outcomeUnknown;
    case 'InvalidInput':
    case 'BadRequest':
    case 'NotFound':
      return ExitCode.usage;
    default:
      return ExitCode.unavailable;
  }
};

/**
 * The exit code an error calls for. An error that names a job ended that job only (6, "some jobs
 * failed"; 9 for a job still running at its `--deadline`); one that names none ended the command (8 when
 * the server could not be reached or answered wrongly). The most serious code wins when several things go
 * wrong: see {@link worseExitCode}.
 *
 * @example
 * import { networkError, paymentRequired } from 'planviewer-rx';
 * import { exitCodeOf } from './exitCodes';
 * const request = { method: 'POST', url: 'https://api.planviewer.invalid/product/v1/orders' };
 * exitCodeOf(paymentRequired(request, ['i-1'], '')); // 4
 * exitCodeOf(networkError(request, false, 'connect ECONNREFUSED')); // 8
 */
export const exitCodeOf = (e: PlanviewerError): ExitCodeValue =>
  'job' in e && typeof e.job === 'string' ? jobExitCode(e) : commandExitCode(e);

const SEVERITY: readonly ExitCodeValue[] = [
  ExitCode.ok,
  ExitCode.stillRunning,
  ExitCode.partial,
  ExitCode.unavailable,
  ExitCode.usage,
  ExitCode.orderCap,
  ExitCode.payment,
  ExitCode.auth,
  ExitCode.outcomeUnknown,
  ExitCode.defect,
];

/**
 * The more serious of two exit codes (severity, most serious first: 1, 7, 3, 4, 5, 2, 8, 6, 9, 0).
 *
 * @example
 * import { ExitCode, worseExitCode } from './exitCodes';
 * worseExitCode(ExitCode.partial, ExitCode.outcomeUnknown); // 7
 */
export const worseExitCode = (a: ExitCodeValue, b: ExitCodeValue): ExitCodeValue =>
  SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
