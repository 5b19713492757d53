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
} as const;

/**
 * One of the {@link ExitCode} values.
 *
 * @example
 * import { ExitCode, ExitCodeValue } from './exitCodes';
 * const code: ExitCodeValue = ExitCode.partial; // 6
 */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The exit code an error calls for; the most serious one wins when several jobs fail differently.
 *
 * @example
 * import { paymentRequired } from 'planviewer-rx';
 * import { exitCodeOf } from './exitCodes';
 * const request = { method: 'POST', url: 'https://www.planviewer.nl/product_api/v1/jobs/order' };
 * exitCodeOf(paymentRequired(request, ['i-1'], '')); // 4
 */
export const exitCodeOf = (e: PlanviewerError): ExitCodeValue => {
  switch (e._tag) {
    case 'Unauthorized':
    case 'Forbidden':
      return ExitCode.auth;
    case 'PaymentRequired':
      return ExitCode.payment;
    case 'OrderCapReached':
      return ExitCode.orderCap;
    case 'OrderOutcomeUnknown':
      return ExitCode.outcomeUnknown;
    case 'InvalidInput':
      return ExitCode.usage;
    default:
      return ExitCode.partial;
  }
};

const SEVERITY: readonly ExitCodeValue[] = [
  ExitCode.ok,
  ExitCode.partial,
  ExitCode.usage,
  ExitCode.orderCap,
  ExitCode.payment,
  ExitCode.auth,
  ExitCode.outcomeUnknown,
  ExitCode.defect,
];

/**
 * The more serious of two exit codes (severity, most serious first: 1, 7, 3, 4, 5, 2, 6, 0).
 *
 * @example
 * import { ExitCode, worseExitCode } from './exitCodes';
 * worseExitCode(ExitCode.partial, ExitCode.outcomeUnknown); // 7
 */
export const worseExitCode = (a: ExitCodeValue, b: ExitCodeValue): ExitCodeValue =>
  SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
