/** The simulator under each clock mode: manual, scaled and real. */
import { manualClock, realClock, scaledClock, startSimulator, type Simulator } from '../../src/simulator';
import { orderJob, statusOf } from './harness';

const fast = [{ slug: 'quick', name: 'Quick', steps: 3, stepMs: [1_000, 2_000], queueMs: [0, 0] }] as const;

describe('clock modes', () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('manual: nothing moves until the test advances the clock', async () => {
    const clock = manualClock();
    sim = await startSimulator({ clock, products: fast });
    const uuid = await orderJob(sim, 'quick');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await statusOf(sim, uuid)).progress.current).toBe(0);
    clock.advance(10_000);
    expect(await statusOf(sim, uuid)).toMatchObject({
      status: 'finished',
      progress: { current: 3, total: 3 },
    });
  });

  it('scaled: 3–6 simulated seconds of work finish in a few real tens of ms at 200x', async () => {
    sim = await startSimulator({ clock: scaledClock(200), products: fast });
    const uuid = await orderJob(sim, 'quick');
    const job = sim.jobs.get(uuid)!;
    const started = performance.now();
    let status = await statusOf(sim, uuid);
    while (status.status !== 'finished') {
      expect(performance.now() - started).toBeLessThan(2_000);
      await new Promise((resolve) => setTimeout(resolve, 5));
      status = await statusOf(sim, uuid);
    }
    expect(sim.clock.now()).toBeGreaterThanOrEqual(job.finishedAt);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('real: the default clock follows Date.now()', async () => {
    // Slow steps, so a loaded machine cannot make the job finish between the order and the status request.
    sim = await startSimulator({ products: [{ ...fast[0], stepMs: [30_000, 30_000] }] });
    expect(Math.abs(sim.clock.now() - Date.now())).toBeLessThan(100);
    const uuid = await orderJob(sim, 'quick');
    expect(Math.abs(sim.jobs.get(uuid)!.createdAt - Date.now())).toBeLessThan(1_000);
    expect((await statusOf(sim, uuid)).status).toBe('in_progress');
    expect(realClock().now()).toBeGreaterThanOrEqual(sim.jobs.get(uuid)!.createdAt);
  });
});
