import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeError, type DecodeError, type RequestSummary } from '../errors/PlanviewerError';
import { truncateBody } from '../errors/errorFromResponse';
import { formatValidationErrors } from './decode';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A JSON array read entry by entry: the entries that decode, and those that do not (with the index,
 * the raw value and the problems). One odd entry never costs the others.
 *
 * @example
 * import type { Entries } from 'planviewer-rx';
 * const read: Entries<number> = { decoded: [1, 2], undecodable: [{ index: 2, value: 'x', errors: ['[2]: expected number, got "x"'] }] };
 *
 * @since 0.2.0
 * @category model
 */
export interface Entries<A> {
  readonly decoded: readonly A[];
  readonly undecodable: readonly UndecodableEntry[];
}

/** One entry of an array body that its codec refused. @category model */
export interface UndecodableEntry {
  readonly index: number;
  readonly value: unknown;
  /** One line per problem, each naming the path from the array, e.g. `[3].progress.total: …`. */
  readonly errors: readonly string[];
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A decoder of a JSON array that decodes each entry on its own. Only a body that is not an array fails
 * as a whole.
 *
 * @example
 * import * as t from 'io-ts';
 * import { entriesOf } from 'planviewer-rx';
 * entriesOf(t.number).decode([1, 'x', 2]); // Right({ decoded: [1, 2], undecodable: [{ index: 1, … }] })
 *
 * @since 0.2.0
 * @category constructors
 */
export const entriesOf = <A>(codec: t.Decoder<unknown, A>): t.Decoder<unknown, Entries<A>> => ({
  name: `Entries<${codec.name}>`,
  decode: (u) => entriesOf(codec).validate(u, [{ key: '', type: t.UnknownArray, actual: u }]),
  validate: (u, context) => {
    if (!Array.isArray(u)) return t.failure(u, context, 'expected an array');
    const decoded: A[] = [];
    const undecodable: UndecodableEntry[] = [];
    u.forEach((value: unknown, index) => {
      const result = codec.decode(value);
      if (E.isRight(result)) decoded.push(result.right);
      else
        undecodable.push({
          index,
          value,
          errors: formatValidationErrors(result.left).map((line) =>
            line.startsWith('(root)') ? `[${index}]${line.slice('(root)'.length)}` : `[${index}].${line}`,
          ),
        });
    });
    return t.success({ decoded, undecodable });
  },
});

/**
 * The `DecodeError` for one undecodable entry: its own problems and its own value as the body.
 *
 * @internal
 */
export const entryDecodeError = (request: RequestSummary, entry: UndecodableEntry): DecodeError =>
  decodeError(request, entry.errors, truncateBody(JSON.stringify(entry.value) ?? String(entry.value)));
