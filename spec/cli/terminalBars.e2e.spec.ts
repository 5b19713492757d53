import * as path from 'node:path';
import { REPO, tempDir } from './helpers/cliProcess';
import { readFrame, recordInTmux, tmuxVersion } from './helpers/terminalFrames';

// The live bars as a person sees them: the demo in a real terminal (tmux, 160×40), the screen captured
// every 250 ms. In every frame each job has one bar, the bars stay one block under the log lines (no
// copy left behind), and the last frame shows every job at 100% with the summary below.
const LABELS = [
  'bestemmingsplanrapport @ Voorbeeldstraat 2',
  'percelenrapport @ Voorbeeldstraat 2',
  'eigendomsinformatie @ Kerkweg 8',
  'vraagprijsrapport @ Molenweg 12B',
  'uittreksel-kadastrale-kaart @ Havenkade 5-3',
];

describe('live bars in a real terminal (tmux 160x40)', () => {
  it('show each job exactly once per frame, at its latest state, with log lines above them', async () => {
    if (tmuxVersion() === undefined)
      throw new Error(
        'tmux is not installed: this terminal test needs it (`apt-get install -y tmux`; .ci/run does so)',
      );
    const tmp = tempDir();
    try {
      const out = path.join(tmp.dir, 'out');
      const recording = await recordInTmux(
        `${process.execPath} -r ts-node/register/transpile-only src/cli/demo.ts --out ${out} --speed 20 2>&1`,
        { cwd: REPO, columns: 160, rows: 40, everyMs: 250, timeoutMs: 90_000 },
      );
      expect(recording.exitCode).toBe(0);

      const withBars = recording.frames.map(readFrame).filter((f) => f.barsPerLabel.size > 0);
      expect(withBars.length).toBeGreaterThanOrEqual(3);
      const bad = withBars.filter(
        (f) =>
          [...f.barsPerLabel.values()].some((n) => n !== 1) ||
          f.strayBars > 0 ||
          (f.linesBelowBars.length > 0 && !/^Summary: /.test(f.linesBelowBars[0]!)),
      );
      expect({ bad: bad.length, of: withBars.length }).toEqual({ bad: 0, of: withBars.length });

      const last = withBars.at(-1)!;
      expect([...last.barsPerLabel.keys()].sort()).toEqual([...LABELS].sort());
      for (const label of LABELS) expect(last.percentOf.get(label)).toBe(100);
      expect(last.linesBelowBars[0]).toMatch(/^Summary: 5 jobs, 5 files saved/);
      const screen = recording.frames.at(-1)!;
      for (const label of LABELS) expect(screen).toMatch(new RegExp(`^${label}: saved `, 'm'));
    } finally {
      tmp.remove();
    }
  }, 120_000);
});
