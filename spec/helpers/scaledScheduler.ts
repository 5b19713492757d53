import { asyncScheduler, type SchedulerAction, type SchedulerLike } from 'rxjs';
import type { ScaledClock } from '../../src/simulator';

/**
 * An RxJS scheduler on the simulator's scaled clock: `now()` is simulated time and a delay of d simulated
 * ms fires after d / speed real ms. Client and server then share one time line, so the polling policy sees
 * the step durations the simulator draws, only faster. Every delay the client schedules is a one-shot
 * (`scheduler.schedule` / `timer(due)`), which is why scaling the due time alone is enough.
 */
export const scaledScheduler = (clock: ScaledClock): SchedulerLike => ({
  now: () => clock.now(),
  schedule: <T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T) =>
    asyncScheduler.schedule(work, delay / clock.speed, state),
});
