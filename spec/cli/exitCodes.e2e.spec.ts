import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  builtInAccounts,
  sampleAddress,
  scaledClock,
  startSimulator,
  type Simulator,
} from '../../src/simulator';
import { ledgerLines, runPlanviewer, tempDir } from './helpers/cliProcess';

// Each refusal by the API ends the run with its own exit code (docs/cli.md), a describeError sentence on
// stderr, no stack trace, no secret, and a ledger that says the order was not placed.
const CAPPED_SECRET = 'capped-S3CRET-value';
const WRONG_SECRET = 'wrong-S3CRET-value';

let sim: Simulator;
let tmp: { dir: string; remove: () => void };
let intention: string;
beforeAll(async () => {
  sim = await startSimulator({
    clock: scaledClock(50),
    accounts: [...builtInAccounts, { key: 'capped', secret: CAPPED_SECRET, dailyCap: 0, grace: 0 }],
  });
  intention = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-example-product'])[0]!.uuid;
});
afterAll(() => sim.close());
beforeEach(() => {
  tmp = tempDir();
  sim.requests.clear();
});
afterEach(() => tmp.remove());

const order = (key: string, secret: string) =>
  runPlanviewer(['order', intention, '--yes', '--out', path.join(tmp.dir, 'out'), '--base-url', sim.url], {
    PLANVIEWER_KEY: key,
    PLANVIEWER_SECRET: secret,
  });

describe('planviewer exit codes', () => {
  it.each([
    {
      name: '401 Unauthorized',
      key: 'demo',
      secret: WRONG_SECRET,
      code: 3,
      message: /Unauthorized \(401\)/,
      tag: 'Unauthorized',
    },
    {
      name: '402 Payment required',
      key: 'no-payment',
      secret: 'no-payment-secret',
      code: 4,
      message: /Payment required \(402\)/,
      tag: 'PaymentRequired',
    },
    {
      name: '429 daily order cap',
      key: 'capped',
      secret: CAPPED_SECRET,
      code: 5,
      message: /Daily order cap reached \(429\)/,
      tag: 'OrderCapReached',
    },
  ])('$name → exit $code', async ({ key, secret, code, message, tag }) => {
    const run = await order(key, secret);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(sim.requests.count('jobs/order')).toBe(1);
    expect(sim.jobs.list({ account: key })).toHaveLength(0);
    const ledger = ledgerLines(path.join(tmp.dir, 'out'));
    expect(ledger.map((e) => e['type'])).toEqual(['ordering', 'order-failed']);
    expect(ledger[1]).toMatchObject({ error: tag });
  });

  it('exits 2 with a usage message, sending nothing, when the credentials are missing', async () => {
    const noCredentials = await runPlanviewer(['products', '--base-url', sim.url], {
      PLANVIEWER_KEY: '',
      PLANVIEWER_SECRET: '',
    });
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toMatch(/PLANVIEWER_KEY and PLANVIEWER_SECRET/);
    expect(sim.requests.count()).toBe(0);
  });

  it('does not order when the ledger cannot be written first (exit 2, no order request)', async () => {
    const file = path.join(tmp.dir, 'a-file');
    fs.writeFileSync(file, '');
    const run = await runPlanviewer(
      ['order', intention, '--yes', '--out', path.join(file, 'out'), '--base-url', sim.url],
      { PLANVIEWER_KEY: 'demo', PLANVIEWER_SECRET: 'demo-secret' },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write the ledger .*nothing was ordered/);
    expect(sim.requests.count('jobs/order')).toBe(0);
  });
});
