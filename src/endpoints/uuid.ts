import * as E from 'fp-ts/lib/Either.js';
import { UUID_PATTERN } from '../codecs/JobUuid';
import { showValue } from '../codecs/showValue';
import { invalidInput, type InvalidInput } from '../errors/PlanviewerError';

/**
 * Whether a string is a standard 36-character uuid. Every path parameter and uuid list is checked with
 * this before it goes into a URL or body, so `../` or a query string can never be smuggled in.
 *
 * @example
 * import { isUuid } from '../simulator/random';
 * isUuid('7e6d5c4b-3a29-4f18-9e07-222222222222'); // true
 * isUuid('../admin'); // false
 *
 * @since 0.1.0
 * @category refinements
 */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_PATTERN.test(value);

/** Validates one uuid. @internal */
export const validateUuid = (field: string, value: unknown): E.Either<InvalidInput, string> =>
  isUuid(value)
    ? E.right(value)
    : E.left(
        invalidInput(field, `expected a uuid like 7e6d5c4b-3a29-4f18-9e07-222222222222, got ${show(value)}`),
      );

/**
 * Validates a non-empty list of uuids. Duplicates are refused: in an order they would be a double order,
 * elsewhere they are a caller's mistake worth hearing about.
 *
 * @internal
 */
export const validateUuidList = (
  field: string,
  values: unknown,
): E.Either<InvalidInput, readonly string[]> => {
  if (!Array.isArray(values))
    return E.left(invalidInput(field, `expected an array of uuids, got ${show(values)}`));
  if (values.length === 0) return E.left(invalidInput(field, 'expected at least one uuid'));
  const seen = new Set<string>();
  for (const [i, value] of values.entries()) {
    const checked = validateUuid(`${field}[${i}]`, value);
    if (E.isLeft(checked)) return checked;
    const key = checked.right.toLowerCase();
    if (seen.has(key)) return E.left(invalidInput(`${field}[${i}]`, `duplicate uuid ${checked.right}`));
    seen.add(key);
  }
  return E.right(values as readonly string[]);
};

/** Shows a bad value briefly, without dumping large objects into a message. @internal */
export const show = showValue;
