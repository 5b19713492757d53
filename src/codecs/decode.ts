import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { decodeError, type DecodeError, type RequestSummary } from '../errors/PlanviewerError';
import { truncateBody } from '../errors/errorFromResponse';
import { showValue } from './showValue';

const BRANCH_TAGS = /^(Union|Intersection|Exact|Refinement|Readonly)Type$/;
const INDEXED_TAGS = /^(ReadonlyArray|Array|Tuple)Type$/;

/** `[0].job.uuid`: indexes in brackets, keys after dots; the branch entries of unions and the like are skipped. */
const pathOf = (context: t.Context): string => {
  let path = '';
  for (let i = 1; i < context.length; i++) {
    const parentTag = (context[i - 1]?.type as { readonly _tag?: string } | undefined)?._tag ?? '';
    if (BRANCH_TAGS.test(parentTag)) continue;
    const key = context[i]?.key ?? '';
    path += INDEXED_TAGS.test(parentTag) ? `[${key}]` : `.${key}`;
  }
  return path === '' ? '(root)' : path.replace(/^\./, '');
};

/**
 * Renders io-ts validation errors as one line each: `path: expected Type, got value`.
 *
 * @example
 * import { formatValidationErrors } from './decode';
 * import * as t from 'io-ts';
 * const r = t.type({ uuid: t.string }).decode({});
 * // r is a Left; formatValidationErrors(r.left) → ['uuid: expected string, got undefined']
 *
 * @since 0.1.0
 * @category utils
 */
export const formatValidationErrors = (errors: t.Errors): string[] => {
  const lines = errors.map((e) => {
    const last = e.context[e.context.length - 1];
    return `${pathOf(e.context)}: expected ${last?.type.name ?? 'value'}, got ${showValue(e.value)}`;
  });
  return [...new Set(lines)];
};

/**
 * Parses a JSON body and decodes it with a codec; every failure is a `DecodeError` that names the path.
 *
 * @example
 * import { decodeJson } from './decode';
 * import * as t from 'io-ts';
 * const r = decodeJson(t.array(t.string), { method: 'GET', url: 'https://x' }, '["a"]');
 * // r is Right(['a'])
 *
 * @since 0.1.0
 * @category utils
 */
export const decodeJson = <A>(
  codec: t.Decoder<unknown, A>,
  request: RequestSummary,
  body: string,
): E.Either<DecodeError, A> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (cause) {
    return E.left(
      decodeError(request, [`(root): not JSON (${(cause as Error).message})`], truncateBody(body)),
    );
  }
  const result = codec.decode(parsed);
  return E.isRight(result)
    ? E.right(result.right)
    : E.left(decodeError(request, formatValidationErrors(result.left), truncateBody(body)));
};
