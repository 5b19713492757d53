import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';

/** The longest delay `setTimeout` can hold; a longer one fires after 1 ms instead. @internal */
export const MAX_TIMER_MS = 2_147_483_647;

/** What {@link numberOption} calls a whole number; any other `what` accepts fractions. @internal */
export const WHOLE = 'a whole number';

/**
 * The one check of a numeric option, shared by every options record: `undefined` when the option is left
 * out or is a number from `min` to `max` (a whole one when `what` is {@link WHOLE}), else the
 * `InvalidInput` naming the field and the range, e.g. `expected a whole number from 1 to 10000, got 0`.
 * Without a `max` the range reads "of at least `min`".
 *
 * @example
 * import { numberOption, WHOLE } from './optionChecks';
 * numberOption('statusBatchSize', 0, 1, 10_000, WHOLE); // InvalidInput statusBatchSize: expected a whole number from 1 to 10000, got 0
 *
 * @internal
 */
export const numberOption = (
  field: string,
  value: unknown,
  min: number,
  max = Infinity,
  what = 'a number',
): InvalidInput | undefined =>
  value === undefined ||
  (typeof value === 'number' &&
    value >= min &&
    value <= max &&
    (what === WHOLE ? Number.isInteger(value) : Number.isFinite(value)))
    ? undefined
    : invalidInput(
        field,
        `expected ${what} ${max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`}, got ${String(value)}`,
      );

/**
 * The check of an option that must be a function when given: `undefined`, or the `InvalidInput`
 * "expected `expected`".
 *
 * @example
 * import { functionOption } from './optionChecks';
 * functionOption('random', 0.5); // InvalidInput random: expected a function
 *
 * @internal
 */
export const functionOption = (
  field: string,
  value: unknown,
  expected = 'a function',
): InvalidInput | undefined =>
  value === undefined || typeof value === 'function'
    ? undefined
    : invalidInput(field, `expected ${expected}`);
