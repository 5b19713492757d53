import * as t from 'io-ts';

/**
 * `GET /kik/waiting/{job}`: the candidate locations of a job that waits for a user decision. Keys of
 * `locaties` are string numbers from "1"; values are labels to show; `message` is the question.
 *
 * @example
 * import { KikWaitingCodec } from './KikWaiting';
 * KikWaitingCodec.is({ locaties: { '1': 'Dorp A 100', '2': 'Dorp A 101' }, message: 'Which one?' }); // true
 *
 * @since 0.1.0
 * @category codecs
 */
export const KikWaitingCodec = /* @__PURE__ */ t.type(
  { locaties: t.record(t.string, t.string), message: t.string },
  'KikWaiting',
);

/**
 * The question of a job waiting for a user, as `GET /kik/waiting/{job}` answers it.
 *
 * @interface
 * @category model
 */
export type KikWaiting = t.TypeOf<typeof KikWaitingCodec>;
