import * as path from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { fileLedger } from '../../src/ledger/file';
import { sampleAddress, scaledClock, startSimulator, type Simulator } from '../../src/simulator';
import { capturedIo, type Captured } from '../cli/helpers/capturedIo';
import { ledgerLines, tempDir } from '../cli/helpers/cliProcess';

// `planviewer order --max-orders-per-day N`, in-process: the budget is counted in the ledger of --out,
// the CLI's JSONL file, which is the library's file ledger.
const SPEED = 50;

let sim: Simulator;
let tmp: { dir: string; remove: () => void };
let io: Captured;
beforeAll(async () => {
  sim = await startSimulator({ clock: scaledClock(SPEED) });
});
afterAll(() => sim.close());
beforeEach(() => {
  tmp = tempDir();
  io = capturedIo(tmp.dir, { PLANVIEWER_KEY: 'demo', PLANVIEWER_SECRET: 'demo-secret' });
  sim.requests.clear();
});
afterEach(() => tmp.remove());

const run = (...args: string[]) => runCli([...args, '--base-url', sim.url, '--sim-speed', String(SPEED)], io);

describe('planviewer order --max-orders-per-day', () => {
  it('orders within the budget, then refuses (exit 5, nothing sent) an order that would pass it', async () => {
    const [a, b, c] = sim.catalogue
      .intentionsAt(sampleAddress.uuid, [
        'bestemmingsplanrapport',
        'vraagprijsrapport',
        'bestemmingsplankaart',
      ])
      .map((i) => i.uuid);
    expect(await run('order', a!, b!, '--yes', '--max-orders-per-day', '2')).toBe(0);
    expect(sim.requests.count('jobs/order')).toBe(1);

    expect(await run('order', c!, '--yes', '--max-orders-per-day', '2', '--json')).toBe(5);
    expect(sim.requests.count('jobs/order')).toBe(1);
    const error = io.stdout$
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { type: string; tag?: string })
      .find((r) => r.type === 'error');
    expect(error).toMatchObject({ type: 'error', tag: 'OrderBudgetExhausted' });
    expect(io.stderr$.join('\n')).toMatch(
      /2 of 2 products already ordered on \d{4}-\d{2}-\d{2} \(Europe\/Amsterdam\)/,
    );
    // Nothing of the refused order reached the ledger.
    expect(ledgerLines(path.join(tmp.dir, 'out')).filter((l) => l['type'] === 'ordering')).toHaveLength(1);

    expect(await run('order', c!, '--yes', '--max-orders-per-day', '3')).toBe(0);
    expect(sim.requests.count('jobs/order')).toBe(2);
    // The library reads what the CLI wrote: everything done.
    const snapshot = await fileLedger(path.join(tmp.dir, 'out')).snapshot()();
    expect(snapshot).toMatchObject({ right: { unfinished: [], unknownOrders: [] } });
  });

  it('refuses a budget that is not a whole number above 0', async () => {
    expect(await run('order', sampleAddress.uuid, '--yes', '--max-orders-per-day', '0')).toBe(2);
    expect(io.stderr$.join('\n')).toMatch(/--max-orders-per-day: expected a whole number above 0, got "0"/);
    expect(sim.requests.count('jobs/order')).toBe(0);
  });
});
