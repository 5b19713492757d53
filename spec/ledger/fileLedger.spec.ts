import * as E from 'fp-ts/lib/Either.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ledger } from '../../src/cli/Ledger';
import { fileLedger, LEDGER_FILE } from '../../src/ledger/file';
import { uuidOf } from '../helpers/fixtures';

const right = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected a Right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-ledger-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const [I1, I2, I3] = [uuidOf(101), uuidOf(102), uuidOf(103)];
const [J1, J2, J3] = [uuidOf(1), uuidOf(2), uuidOf(3)];

describe('fileLedger', () => {
  it('reads a ledger the CLI wrote: pending jobs, downloads, failures and orders to check', async () => {
    const cli = new Ledger(dir);
    cli.append({
      type: 'ordering',
      order: 'o-1',
      intentions: [I1, I2, I3],
      labels: { [I1]: 'rapport @ Kerkweg 8' },
    });
    cli.append({ type: 'ordered', order: 'o-1', intention: I1, job: J1 });
    cli.append({ type: 'ordered', order: 'o-1', intention: I2, job: J2 });
    cli.append({ type: 'ordered', order: 'o-1', intention: I3, job: J3 });
    cli.append({ type: 'downloaded', job: J1, file: path.join(dir, 'a.pdf'), bytes: 1950 });
    cli.append({ type: 'job-failed', job: J2, error: 'JobFailed', message: 'failed on the server' });
    cli.append({ type: 'job-failed', job: J3, error: 'Timeout', message: 'deadline passed' });
    cli.append({ type: 'ordering', order: 'o-2', intentions: [uuidOf(104)] });

    const snapshot = await right(fileLedger(dir).snapshot());
    expect(snapshot.unfinished).toEqual([{ order: 'o-1', intention: I3, job: J3 }]);
    expect(snapshot.done).toEqual([{ job: J1, file: path.join(dir, 'a.pdf') }]);
    expect(snapshot.failed).toEqual([{ job: J2, error: 'JobFailed' }]);
    expect(snapshot.unknownOrders).toEqual([
      expect.objectContaining({ order: 'o-2', intentions: [uuidOf(104)] }),
    ]);
    expect(snapshot.labels.get(I1)).toBe('rapport @ Kerkweg 8');
  });

  it('writes what the CLI reads: its resume sees the same pending jobs and orders to check', async () => {
    const ledger = fileLedger(dir);
    await right(ledger.beginOrder({ order: 'o-1', intentions: [I1, I2], worker: 'w' }));
    const placed = {
      _tag: 'Placed' as const,
      jobs: [
        { intention: I1, job: J1 },
        { intention: I2, job: J2 },
      ],
    };
    await right(ledger.answerOrder('o-1', placed, { worker: 'w', leaseMs: 1_000 }));
    await right(ledger.endJob(J1, { _tag: 'Done', file: path.join(dir, 'a.pdf'), bytes: 10 }));
    await right(ledger.beginOrder({ order: 'o-2', intentions: [I3], worker: 'w' }));
    await right(
      ledger.answerOrder(
        'o-2',
        { _tag: 'Unknown', reason: 'the server answered 502' },
        { worker: 'w', leaseMs: 1 },
      ),
    );

    const state = new Ledger(dir).state();
    expect(state.pending).toEqual([{ job: J2, intention: I2 }]);
    expect(state.downloaded).toEqual([{ job: J1, file: path.join(dir, 'a.pdf') }]);
    expect(state.needsCheck).toEqual([{ order: 'o-2', intentions: [I3], reason: 'the server answered 502' }]);
    // One JSON object per line, each with the CLI's fields.
    const lines = fs
      .readFileSync(path.join(dir, LEDGER_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l: { type: string }) => l.type)).toEqual([
      'ordering',
      'ordered',
      'ordered',
      'downloaded',
      'ordering',
      'order-unknown',
    ]);
  });

  it('skips a line torn by a crash mid-write, writes after it on a line of its own, and refuses a damaged entry', async () => {
    const file = path.join(dir, LEDGER_FILE);
    const ordered = JSON.stringify({
      type: 'ordered',
      order: 'o',
      at: '2026-01-05T09:00:00.000Z',
      intention: I1,
      job: J1,
    });
    fs.writeFileSync(file, `${ordered}\n{"type":"downlo`);
    const ledger = fileLedger(dir);
    expect((await right(ledger.snapshot())).unfinished.map((j) => j.job)).toEqual([J1]);
    // The next run orders again: its entry must not be glued to the torn line.
    await right(ledger.beginOrder({ order: 'o-2', intentions: [I2], worker: 'w' }));
    await right(
      ledger.answerOrder(
        'o-2',
        { _tag: 'Placed', jobs: [{ intention: I2, job: J2 }] },
        { worker: 'w', leaseMs: 1 },
      ),
    );
    expect((await right(fileLedger(dir).snapshot())).unfinished.map((j) => j.job)).toEqual([J1, J2]);
    expect(new Ledger(dir).state().pending.map((p) => p.job)).toEqual([J1, J2]);

    fs.writeFileSync(file, `{"type":"ordered","order":"o"}\n${ordered}\n`);
    const read = await fileLedger(dir).snapshot()();
    expect(read).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'LedgerFailed',
          operation: 'read',
          reason: expect.stringContaining('line 1'),
        }),
      ),
    );
  });

  it('fails to begin an order, typed, when the file cannot be written', async () => {
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the ledger folder should be');
    const begun = await fileLedger(blocked).beginOrder({ order: 'o', intentions: [I1], worker: 'w' })();
    expect(begun).toEqual(
      E.left(expect.objectContaining({ _tag: 'LedgerFailed', operation: 'begin-order', intentions: [I1] })),
    );
  });

  it('leases a job to one follower at a time, across ledgers on the same file in one process', async () => {
    const a = fileLedger(dir);
    const b = fileLedger(path.join(dir, LEDGER_FILE));
    await right(a.beginOrder({ order: 'o', intentions: [I1, I2], worker: 'orderer' }));
    const placed = {
      _tag: 'Placed' as const,
      jobs: [
        { intention: I1, job: J1 },
        { intention: I2, job: J2 },
      ],
    };
    await right(a.answerOrder('o', placed, { worker: 'orderer', leaseMs: 60_000 }));
    expect(await right(b.claimJobs({ worker: 'x', leaseMs: 60_000 }))).toEqual([]);
    await right(a.releaseJobs([J1], 'orderer'));
    expect((await right(b.claimJobs({ worker: 'x', leaseMs: 60_000 }))).map((j) => j.job)).toEqual([J1]);
    expect(await right(a.claimJobs({ worker: 'y', leaseMs: 60_000 }))).toEqual([]);
  });

  it('reports an unanswered order of an earlier run once, and lists it for people afterwards', async () => {
    new Ledger(dir).append({ type: 'ordering', order: 'o-9', intentions: [I1] });
    const ledger = fileLedger(dir);
    const first = await right(ledger.claimUnansweredOrders('w'));
    expect(first).toEqual([expect.objectContaining({ order: 'o-9', intentions: [I1] })]);
    expect(await right(ledger.claimUnansweredOrders('w'))).toEqual([]);
    expect((await right(ledger.snapshot())).unknownOrders.map((u) => u.order)).toEqual(['o-9']);
    expect(new Ledger(dir).state().needsCheck.map((n) => n.order)).toEqual(['o-9']);
  });
});
