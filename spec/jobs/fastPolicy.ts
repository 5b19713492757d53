import type { SchedulerLike } from 'rxjs';
import { defaultRetryOptions } from '../../src/jobs/retryBudget';
import { retryBudgetCell, type StatusPollerConfig } from '../../src/jobs/statusPoller';
import { defaultPollingPolicy, type PollingPolicy } from '../../src/polling';

/**
 * The polling options of the job specs, in frames (1 frame = 1 ms), so that whole jobs fit in a marble
 * diagram: first look at 30, spacing 10–200, no jitter, a 40-frame prior step, no ride-along window.
 */
export const fastPolling = {
  initialDelayMs: 30,
  minDelayMs: 10,
  precisionMs: 20,
  maxDelayMs: 200,
  jitterRatio: 0,
  expectedStepMs: 40,
  coalesceWindowMs: 0,
} as const satisfies Partial<PollingPolicy>;

/** {@link fastPolling} over the defaults: a whole policy, for the poller's own specs. */
export const fastPolicy: PollingPolicy = { ...defaultPollingPolicy, ...fastPolling };

/**
 * A poller's wiring for its specs: {@link fastPolicy}, no jitter draw (0.5), a budget that never binds
 * (1,000 requests a second) and a fresh retry bucket.
 */
export const fastPollerConfig = (scheduler: SchedulerLike): StatusPollerConfig => ({
  scheduler,
  random: () => 0.5,
  polling: fastPolicy,
  statusBatchSize: 150,
  requestBudget: 1_000,
  retry: defaultRetryOptions,
  budget: retryBudgetCell(defaultRetryOptions),
});
