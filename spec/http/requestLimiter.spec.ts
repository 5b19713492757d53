import { createRequestLimiter } from '../../src/http/requestLimiter';

interface Deferred {
  readonly promise: Promise<string>;
  resolve: (v: string) => void;
}
const deferred = (): Deferred => {
  let resolve: (v: string) => void = () => undefined;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
};
const tick = () => new Promise((r) => setImmediate(r));

describe('createRequestLimiter', () => {
  it('runs at most max at once, the rest first come, first served', async () => {
    const limiter = createRequestLimiter(2);
    const started: number[] = [];
    const gates = [0, 1, 2, 3].map(() => deferred());
    const runs = gates.map((g, i) =>
      limiter.run(
        undefined,
        () => 'aborted',
        () => {
          started.push(i);
          return g.promise;
        },
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect([limiter.active(), limiter.waiting()]).toEqual([2, 2]);
    gates[1]?.resolve('b');
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve('a');
    gates[2]?.resolve('c');
    gates[3]?.resolve('d');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    expect([limiter.active(), limiter.waiting()]).toEqual([0, 0]);
  });

  it('a request aborted while it waits is never sent, and leaves the queue', async () => {
    const limiter = createRequestLimiter(1);
    const first = deferred();
    const sent: string[] = [];
    const controller = new AbortController();
    const a = limiter.run(
      undefined,
      () => 'aborted',
      () => (sent.push('a'), first.promise),
    );
    const b = limiter.run(
      controller.signal,
      () => 'aborted',
      () => (sent.push('b'), Promise.resolve('b')),
    );
    const c = limiter.run(
      undefined,
      () => 'aborted',
      () => (sent.push('c'), Promise.resolve('c')),
    );
    controller.abort();
    expect(await b).toBe('aborted');
    expect(limiter.waiting()).toBe(1);
    first.resolve('a');
    expect([await a, await c]).toEqual(['a', 'c']);
    expect(sent).toEqual(['a', 'c']);
  });

  it('frees the slot when a request fails or throws', async () => {
    const limiter = createRequestLimiter(1);
    await expect(
      limiter.run(
        undefined,
        () => 'x',
        () => Promise.reject(new Error('boom')),
      ),
    ).rejects.toThrow('boom');
    await expect(
      limiter.run(
        undefined,
        () => 'x',
        () => {
          throw new Error('sync');
        },
      ),
    ).rejects.toThrow('sync');
    expect(
      await limiter.run(
        undefined,
        () => 'x',
        () => Promise.resolve('ok'),
      ),
    ).toBe('ok');
    expect(limiter.active()).toBe(0);
  });
});
