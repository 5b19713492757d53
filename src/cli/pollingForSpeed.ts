import { defaultPollingPolicy, type PollingOptions } from '../polling/PollingPolicy';

/**
 * Polling delays for a server whose clock runs `speed` times faster than real time (the simulator with
 * `scaledClock(speed)`): every time-valued default divided by `speed`, so the poller makes as many
 * requests per job as against the real API, only sooner. `speed` 1 (the real API) changes nothing.
 *
 * @example
 * import { pollingForSpeed } from './pollingForSpeed';
 * pollingForSpeed(10).initialDelayMs; // 300 (the default 3000 / 10)
 */
export const pollingForSpeed = (speed: number): PollingOptions => {
  if (speed === 1) return {};
  const p = defaultPollingPolicy;
  const scale = (ms: number): number => Math.max(1, Math.round(ms / speed));
  return {
    initialDelayMs: scale(p.initialDelayMs),
    minDelayMs: scale(p.minDelayMs),
    maxDelayMs: scale(p.maxDelayMs),
    precisionMs: scale(p.precisionMs),
    coalesceWindowMs: scale(p.coalesceWindowMs),
    expectedStepMs: scale(p.expectedStepMs),
  };
};
