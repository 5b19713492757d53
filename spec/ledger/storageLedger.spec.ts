import * as E from 'fp-ts/lib/Either.js';
import { storageLedger, type StorageLike } from '../../src/ledger';
import { uuidOf } from '../helpers/fixtures';

/** A stand-in for `window.localStorage`: what a page wrote survives a reload (a new page, new objects). */
export const persistedStorage = (quota = Number.POSITIVE_INFINITY) => {
  const data = new Map<string, string>();
  const page = (): StorageLike => ({
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
  });
  return { data, page };
};

const right = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected a Right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const [I1, I2] = [uuidOf(101), uuidOf(102)];
const [J1, J2] = [uuidOf(1), uuidOf(2)];

describe('storageLedger', () => {
  it('keeps the jobs of a page for the page that loads after it, under one storage key', async () => {
    const storage = persistedStorage();
    const before = storageLedger(storage.page());
    await right(before.beginOrder({ order: 'o', intentions: [I1, I2], worker: 'tab-1' }));
    const placed = {
      _tag: 'Placed' as const,
      jobs: [
        { intention: I1, job: J1 },
        { intention: I2, job: J2 },
      ],
    };
    await right(before.answerOrder('o', placed, { worker: 'tab-1', leaseMs: 60_000 }));
    expect([...storage.data.keys()]).toEqual(['planviewer-rx:ledger']);

    // The reload: the old page's leases died with it.
    const after = storageLedger(storage.page());
    const claimed = await right(after.claimJobs({ worker: 'tab-2', leaseMs: 60_000 }));
    expect(claimed.map((j) => j.job)).toEqual([J1, J2]);
  });

  it('fails to begin an order, typed, when the storage is full', async () => {
    const storage = persistedStorage(10);
    const begun = await storageLedger(storage.page(), { key: 'app:ledger' }).beginOrder({
      order: 'o',
      intentions: [I1],
      worker: 'tab',
    })();
    expect(begun).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'LedgerFailed',
          ledger: 'localStorage app:ledger',
          operation: 'begin-order',
          reason: 'QuotaExceededError: The quota has been exceeded.',
        }),
      ),
    );
    expect(storage.data.size).toBe(0);
  });
});
