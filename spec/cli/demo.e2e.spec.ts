import * as path from 'node:path';
import { filesUnder, isPdf, ledgerLines, spawnScript, tempDir } from './helpers/cliProcess';

describe('npm start (the demo)', () => {
  it('exits 0 and leaves valid PDFs and a complete ledger in --out, answering the KIK question itself', async () => {
    const tmp = tempDir();
    try {
      const out = path.join(tmp.dir, 'out');
      // --speed 40 instead of the default 5: the same demo, in a few seconds.
      const started = Date.now();
      const run = await spawnScript('src/cli/demo.ts', ['--out', out, '--speed', '40']).done;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(60_000);

      const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(5);
      for (const pdf of pdfs) expect(isPdf(pdf)).toBe(true);
      const ledger = ledgerLines(out);
      expect(ledger.filter((e) => e['type'] === 'ordering')).toHaveLength(1);
      const ordered = ledger.filter((e) => e['type'] === 'ordered').map((e) => e['job']);
      const downloaded = ledger.filter((e) => e['type'] === 'downloaded').map((e) => e['job']);
      expect(ordered).toHaveLength(5);
      expect(new Set(downloaded)).toEqual(new Set(ordered));

      // What the person watching sees: the KIK job waited, the demo chose, and the summary's figures.
      expect(run.stdout).toMatch(/eigendomsinformatie @ Kerkweg 8: waiting for user: "/);
      expect(run.stdout).toMatch(
        /eigendomsinformatie @ Kerkweg 8: answered "waiting for user" with lot 1: .*chosen by the demo/,
      );
      expect(run.stdout).toMatch(/Summary: 5 jobs, 5 files saved/);
      expect(run.stdout).toMatch(/order requests \(POST jobs\/order\): 1\n/);
      expect(run.stdout).toMatch(/status requests \(GET jobs\/status\): \d+ for 5 jobs/);
    } finally {
      tmp.remove();
    }
  });
});
