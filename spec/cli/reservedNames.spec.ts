import * as fs from 'node:fs';
import * as path from 'node:path';
import { LEDGER_FILE } from '../../src/cli/Ledger';
import { isReservedName } from '../../src/cli/reservedNames';
import { runCli } from '../../src/cli/runCli';
import { saveResultFile } from '../../src/cli/saveResultFile';
import { sampleAddress, scaledClock, startSimulator, type Simulator } from '../../src/simulator';
import { capturedIo, type Captured } from './helpers/capturedIo';
import { filesUnder, isPdf, ledgerLines, tempDir } from './helpers/cliProcess';
import { startRenamingProxy, type RenamingProxy } from './helpers/renamingProxy';

// A result must never land on a name the CLI owns in --out (the ledger above all): a server (or a proxy)
// that names its result `planviewer-ledger.jsonl`, in any spelling, gets it saved under the job's own name.
const SPEED = 50;

let sim: Simulator;
let tmp: { dir: string; remove: () => void };
let io: Captured;
let proxy: RenamingProxy | undefined;
beforeAll(async () => {
  sim = await startSimulator({ clock: scaledClock(SPEED) });
});
afterAll(() => sim.close());
beforeEach(() => {
  tmp = tempDir();
  io = capturedIo(tmp.dir, { PLANVIEWER_KEY: 'demo', PLANVIEWER_SECRET: 'demo-secret' });
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  tmp.remove();
});

const cli = (baseUrl: string, ...args: string[]) =>
  runCli([...args, '--base-url', baseUrl, '--sim-speed', String(SPEED)], io);

/** Every line of the ledger is a JSON object (a PDF appended to, or written over, it would not be). */
const ledgerIsIntact = (out: string): void => {
  const text = fs.readFileSync(path.join(out, LEDGER_FILE), 'latin1');
  expect(text).not.toContain('%PDF');
  for (const line of text.split('\n').filter((l) => l !== ''))
    expect(() => JSON.parse(line) as unknown).not.toThrow();
};

const pdfsIn = (out: string): string[] => filesUnder(out).filter((f) => path.basename(f) !== LEDGER_FILE);

describe('isReservedName', () => {
  it.each([
    LEDGER_FILE,
    'Planviewer-Ledger.JSONL',
    `${LEDGER_FILE}.lock`,
    `${LEDGER_FILE}.tmp`,
    `${LEDGER_FILE}.`,
    `${LEDGER_FILE}::$DATA`,
    'planviewer\u200d-ledger.jsonl',
    'planviewer\u2010ledger.jsonl',
    'ｐｌａｎｖｉｅｗｅｒ－ｌｅｄｇｅｒ.jsonl',
    'planviewer-ledger.j\u017fonl',
    'PLANVI~1.JSO',
    'planvi~12',
    '.r.pdf.4242.1764325029000.part',
  ])('%j is ours', (name) => expect(isReservedName(name)).toBe(true));

  it.each(['20261128_percelenrapport.pdf', 'planviewer.pdf', 'ledger.jsonl', 'report~1.pdf', 'r.pdf.part'])(
    '%j is free',
    (name) => expect(isReservedName(name)).toBe(false),
  );

  it('saveResultFile gives a reserved name the fallback, even with force, and leaves the ledger alone', async () => {
    const out = path.join(tmp.dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, LEDGER_FILE), '{"type":"ordering"}\n');
    const saved = await saveResultFile(out, LEDGER_FILE, 'job.pdf', new Blob(['%PDF-']), true);
    expect(saved.path).toBe(path.join(out, 'job.pdf'));
    expect(fs.readFileSync(path.join(out, LEDGER_FILE), 'utf8')).toBe('{"type":"ordering"}\n');
  });
});

describe('names the CLI owns in --out', () => {
  it('download into a fresh folder saves a result named like the ledger under the job name, and the ledger stays a ledger', async () => {
    const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-example-product']);
    const first = path.join(tmp.dir, 'first');
    expect(await cli(sim.url, 'order', intention!.uuid, '--yes', '--out', first)).toBe(0);
    const job = ledgerLines(first).find((e) => e['type'] === 'ordered')!['job'] as string;

    proxy = await startRenamingProxy(sim.url, () => `attachment; filename="${LEDGER_FILE}"`);
    const fresh = path.join(tmp.dir, 'fresh');
    expect(await cli(proxy.url, 'download', job, '--out', fresh)).toBe(0);
    expect(proxy.retrieved()).toBe(1);

    ledgerIsIntact(fresh);
    expect(ledgerLines(fresh)).toEqual([
      expect.objectContaining({ type: 'downloaded', job, file: `${job}.pdf` }),
    ]);
    const saved = pdfsIn(fresh);
    expect(saved.map((f) => path.basename(f))).toEqual([`${job}.pdf`]);
    expect(isPdf(saved[0]!)).toBe(true);
  });

  it.each([
    ['the exact name', `attachment; filename="${LEDGER_FILE}"`],
    ['upper case', `attachment; filename="${LEDGER_FILE.toUpperCase()}"`],
    ['a path to it', `attachment; filename="../out/./${LEDGER_FILE}"`],
    ['a Windows path to it', `attachment; filename="..\\\\x\\\\Planviewer-Ledger.Jsonl"`],
    ['trailing dots and spaces', `attachment; filename="${LEDGER_FILE}. . "`],
    ['an NTFS stream', `attachment; filename="${LEDGER_FILE}::$DATA"`],
    [
      'a zero-width joiner (ignored by HFS+)',
      `attachment; filename*=UTF-8''planviewer%E2%80%8D-ledger.jsonl`,
    ],
    ['a full-width hyphen', `attachment; filename*=UTF-8''planviewer%EF%BC%8Dledger.jsonl`],
    ['a long s (folds to s)', `attachment; filename*=UTF-8''planviewer-ledger.j%C5%BFonl`],
    ['its lock file', `attachment; filename="${LEDGER_FILE}.lock"`],
    ['its 8.3 short name', 'attachment; filename="PLANVI~1.JSO"'],
  ])(
    'order --force with a result named like the ledger (%s) keeps the ledger, and resume has nothing left to do',
    async (_, header) => {
      proxy = await startRenamingProxy(sim.url, () => header);
      const out = path.join(tmp.dir, 'out');
      const [intention] = sim.catalogue.intentionsAt(sampleAddress.uuid, ['test-example-product']);
      expect(await cli(proxy.url, 'order', intention!.uuid, '--yes', '--force', '--out', out)).toBe(0);

      ledgerIsIntact(out);
      const ledger = ledgerLines(out);
      expect(ledger.map((e) => e['type'])).toEqual(['ordering', 'ordered', 'downloaded']);
      const job = ledger[1]!['job'] as string;
      expect(ledger[2]).toMatchObject({ job, file: `${job}.pdf` });
      expect(pdfsIn(out).map((f) => path.basename(f))).toEqual([`${job}.pdf`]);

      expect(await cli(proxy.url, 'resume', '--out', out)).toBe(0);
      expect(io.stdout$.join('\n')).toMatch(/Nothing to resume .*\(1 result saved\)/);
    },
  );
});
