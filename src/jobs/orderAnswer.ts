import type { OrderedJob } from '../codecs';
import { toJobUuid, type JobUuid } from '../codecs/JobUuid';
import { orderOutcomeUnknown, type OrderOutcomeUnknown } from '../errors/PlanviewerError';

/**
 * What an order answer means for each intention that was sent: the jobs to follow, and an
 * `OrderOutcomeUnknown` for every intention the answer does not account for.
 *
 * @example
 * import type { OrderAnswer } from 'planviewer-rx';
 * declare const answer: OrderAnswer;
 * answer.jobs.forEach(({ intention, job }) => console.log(intention, job));
 *
 * @since 0.2.0
 * @category model
 */
export interface OrderAnswer {
  /** One per distinct job of the answer, in the answer's order. */
  readonly jobs: readonly { readonly intention: string; readonly job: JobUuid }[];
  /** One per intention that was sent but has no usable entry in the answer. */
  readonly unaccounted: readonly OrderOutcomeUnknown[];
}

/**
 * Reads an order answer against the intentions sent. The port's answer is checked again here (a port
 * may be any code): a job uuid that is no uuid never reaches the shared poller; it leaves its intention
 * unaccounted for, as does an intention the answer leaves out (an answer of `[]` accounts for none).
 * The server took the POST, so each such intention may or may not have been ordered: `OrderOutcomeUnknown`.
 *
 * @example
 * import { readOrderAnswer } from 'planviewer-rx';
 * readOrderAnswer(['c1d2e3f4-0000-4a1b-8c2d-111111111111'], []).unaccounted;
 * // [OrderOutcomeUnknown { intentions: ['c1d2…'], reason: 'the order answer has no entry for this intention' }]
 *
 * @since 0.2.0
 * @category constructors
 */
export const readOrderAnswer = (sent: readonly string[], ordered: readonly OrderedJob[]): OrderAnswer => {
  const jobs: { intention: string; job: JobUuid }[] = [];
  const seenJobs = new Set<JobUuid>();
  const unusable = new Map<string, string>();
  const accounted = new Set<string>();
  for (const entry of ordered) {
    const intention = String((entry as Partial<OrderedJob> | null)?.uuid);
    const job = toJobUuid((entry as Partial<OrderedJob> | null)?.job?.uuid);
    if (job === undefined) {
      unusable.set(intention.toLowerCase(), JSON.stringify(entry?.job?.uuid) ?? 'nothing');
      continue;
    }
    accounted.add(intention.toLowerCase());
    if (seenJobs.has(job)) continue;
    seenJobs.add(job);
    jobs.push({ intention, job });
  }
  const unaccounted = sent
    .filter((intention) => !accounted.has(intention.toLowerCase()))
    .map((intention) => {
      const bad = unusable.get(intention.toLowerCase());
      return orderOutcomeUnknown(
        undefined,
        [intention],
        bad === undefined
          ? 'the order answer has no entry for this intention'
          : `the order answer gives job ${bad.slice(0, 60)} for this intention, which is not a uuid`,
      );
    });
  return { jobs, unaccounted };
};
