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

/** Checks one value of a field: the value as a string, or why not. @internal */
export type Check = (field: string, value: unknown) => E.Either<InvalidInput, string>;

/** A string matching `pattern`; anything else is refused as "expected `what`, got …". @internal */
export const matching =
  (pattern: RegExp, what: string): Check =>
  (field, value) =>
    typeof value === 'string' && pattern.test(value)
      ? E.right(value)
      : E.left(invalidInput(field, `expected ${what}, got ${show(value)}`));

/** Validates one uuid. @internal */
export const validateUuid: Check = matching(UUID_PATTERN, 'a uuid like 7e6d5c4b-3a29-4f18-9e07-222222222222');

/**
 * Validates a non-empty array of `what`s, each passing `check`. With `key`, two values of the same key are
 * refused: in an order they would be a double order, elsewhere they are a caller's mistake worth hearing
 * about.
 *
 * @internal
 */
export const validateList = (
  field: string,
  values: unknown,
  what: string,
  check: Check,
  key?: (value: string) => string,
): E.Either<InvalidInput, readonly string[]> => {
  if (!Array.isArray(values))
    return E.left(invalidInput(field, `expected an array of ${what}s, got ${show(values)}`));
  if (values.length === 0) return E.left(invalidInput(field, `expected at least one ${what}`));
  const seen = new Set<string>();
  for (const [i, value] of values.entries()) {
    const checked = check(`${field}[${i}]`, value);
    if (E.isLeft(checked)) return checked;
    if (key === undefined) continue;
    if (seen.has(key(checked.right)))
      return E.left(invalidInput(`${field}[${i}]`, `duplicate ${what} ${checked.right}`));
    seen.add(key(checked.right));
  }
  return E.right(values as readonly string[]);
};

/** Validates a non-empty list of distinct uuids (in any case). @internal */
export const validateUuidList = (field: string, values: unknown): E.Either<InvalidInput, readonly string[]> =>
  validateList(field, values, 'uuid', validateUuid, (uuid) => uuid.toLowerCase());

/** Shows a bad value briefly, without dumping large objects into a message. @internal */
export const show = showValue;
