import * as fs from 'node:fs';
import { Ledger } from '../../src/cli/Ledger';
import { tempDir } from './helpers/cliProcess';

const I1 = 'aaaaaaaa-1111-4111-8111-111111111111';
const I2 = 'bbbbbbbb-2222-4222-8222-222222222222';

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('Ledger.state', () => {
  it('is empty without a ledger file', () => {
    expect(new Ledger(tmp.dir).state()).toMatchObject({
      pending: [],
      needsCheck: [],
      downloaded: [],
      failed: [],
    });
  });

  it('lists ordered jobs without a download as pending, and keeps the labels of their intentions', () => {
    const ledger = new Ledger(tmp.dir);
    ledger.append({
      type: 'ordering',
      order: 'o',
      intentions: [I1, I2],
      labels: { [I1]: 'percelenrapport @ Kerkweg 8' },
    });
    ledger.append({ type: 'ordered', order: 'o', intention: I1, job: 'j1' });
    ledger.append({ type: 'ordered', order: 'o', intention: I2, job: 'j2' });
    ledger.append({ type: 'downloaded', job: 'j2', file: 'b.pdf', bytes: 10 });
    const state = ledger.state();
    expect(state.pending).toEqual([{ job: 'j1', intention: I1 }]);
    expect(state.downloaded).toEqual([{ job: 'j2', file: 'b.pdf' }]);
    expect(state.needsCheck).toEqual([]);
    expect(state.labels.get(I1)).toBe('percelenrapport @ Kerkweg 8');
  });

  it('needs a manual check for an order with no answer after it (a crash mid-request) or an unknown outcome', () => {
    const ledger = new Ledger(tmp.dir);
    ledger.append({ type: 'ordering', order: 'crashed', intentions: [I1] });
    ledger.append({ type: 'ordering', order: 'lost', intentions: [I2] });
    ledger.append({ type: 'order-unknown', order: 'lost', intentions: [I2], message: 'reset' });
    expect(ledger.state().needsCheck).toEqual([
      { order: 'crashed', intentions: [I1], reason: 'the program stopped before the order was answered' },
      { order: 'lost', intentions: [I2], reason: 'reset' },
    ]);
  });

  it('retries a job that failed locally or timed out, but not one that failed on the server', () => {
    const ledger = new Ledger(tmp.dir);
    ledger.append({ type: 'ordering', order: 'o', intentions: [I1, I2] });
    ledger.append({ type: 'ordered', order: 'o', intention: I1, job: 'j1' });
    ledger.append({ type: 'ordered', order: 'o', intention: I2, job: 'j2' });
    ledger.append({ type: 'job-failed', job: 'j1', error: 'Timeout', message: '' });
    ledger.append({ type: 'job-failed', job: 'j2', error: 'JobFailed', message: '' });
    expect(ledger.state().pending).toEqual([{ job: 'j1', intention: I1 }]);
  });

  it('skips a line torn by a crash mid-write', () => {
    const ledger = new Ledger(tmp.dir);
    ledger.append({ type: 'ordering', order: 'o', intentions: [I1] });
    ledger.append({ type: 'ordered', order: 'o', intention: I1, job: 'j1' });
    fs.appendFileSync(ledger.file, '{"type":"downloaded","job":"j1","fi');
    expect(ledger.state().pending).toEqual([{ job: 'j1', intention: I1 }]);
  });
});
