/** Scheduler wrappers for the poller specs: they see the timers the poller keeps, in virtual time. */
import { Subscription, type SchedulerLike } from 'rxjs';

/**
 * Wraps a scheduler to count the actions scheduled through it (timers), how many were pending at once, and
 * the delays asked for (a real timer fires an infinite delay after 1 ms; a virtual one never does).
 */
export const countingScheduler = (
  inner: SchedulerLike,
): {
  scheduler: SchedulerLike;
  scheduled: () => number;
  alive: () => number;
  alivePeak: () => number;
  delays: () => readonly number[];
} => {
  const delays: number[] = [];
  let scheduled = 0;
  let alive = 0;
  let peak = 0;
  const scheduler: SchedulerLike = {
    now: () => inner.now(),
    schedule: ((work: () => void, delay?: number) => {
      scheduled++;
      delays.push(delay ?? 0);
      alive++;
      peak = Math.max(peak, alive);
      let pending = true;
      const settle = (): void => {
        if (pending) {
          pending = false;
          alive--;
        }
      };
      const action = inner.schedule(() => {
        settle();
        work();
      }, delay);
      action.add(settle);
      return action;
    }) as SchedulerLike['schedule'],
  };
  return {
    scheduler,
    scheduled: () => scheduled,
    alive: () => alive,
    alivePeak: () => peak,
    delays: () => delays,
  };
};

/**
 * A scheduler that runs work due now (delay 0) synchronously, inside `schedule`, and returns an already
 * closed action, as some schedulers do; later work goes to `inner`.
 */
export const eagerScheduler = (inner: SchedulerLike): SchedulerLike => ({
  now: () => inner.now(),
  schedule: ((work: () => void, delay?: number) => {
    if ((delay ?? 0) > 0) return inner.schedule(work, delay);
    const done = new Subscription();
    work();
    done.unsubscribe();
    return done;
  }) as SchedulerLike['schedule'],
});
