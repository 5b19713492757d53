import * as fs from 'node:fs';
import * as path from 'node:path';
import { saveResultFile } from '../../src/cli/saveResultFile';
import { filesUnder, tempDir } from './helpers/cliProcess';

let tmp: { dir: string; remove: () => void };
let out: string;
beforeEach(() => {
  tmp = tempDir();
  out = path.join(tmp.dir, 'out');
});
afterEach(() => tmp.remove());

const blob = (text: string): Blob => new Blob([text]);

describe('saveResultFile', () => {
  it('never replaces an existing file: it adds -1, -2', async () => {
    const a = await saveResultFile(out, 'r.pdf', 'fallback.pdf', blob('one'));
    const b = await saveResultFile(out, 'r.pdf', 'fallback.pdf', blob('two'));
    const c = await saveResultFile(out, 'r.pdf', 'fallback.pdf', blob('three'));
    expect([a.path, b.path, c.path].map((p) => path.basename(p))).toEqual(['r.pdf', 'r-1.pdf', 'r-2.pdf']);
    expect(fs.readFileSync(path.join(out, 'r.pdf'), 'utf8')).toBe('one');
    expect(c.bytes).toBe(5);
  });

  it('replaces the file with force', async () => {
    await saveResultFile(out, 'r.pdf', 'fallback.pdf', blob('one'));
    const again = await saveResultFile(out, 'r.pdf', 'fallback.pdf', blob('two'), true);
    expect(again.path).toBe(path.join(out, 'r.pdf'));
    expect(fs.readFileSync(again.path, 'utf8')).toBe('two');
  });

  it('with force, still never replaces a file this run saved (kept): it adds -1', async () => {
    await saveResultFile(out, 'r.pdf', 'fallback.pdf', blob('before this run'));
    const first = await saveResultFile(out, 'r.pdf', 'fallback.pdf', blob('one'), true);
    const second = await saveResultFile(
      out,
      'r.pdf',
      'fallback.pdf',
      blob('two'),
      true,
      new Set([first.path]),
    );
    expect([first.path, second.path].map((p) => path.basename(p))).toEqual(['r.pdf', 'r-1.pdf']);
    expect(fs.readFileSync(first.path, 'utf8')).toBe('one');
    expect(fs.readFileSync(second.path, 'utf8')).toBe('two');
  });

  it.each([
    ['../../x.pdf', 'x.pdf'],
    ['/etc/passwd', 'passwd'],
    ['..\\..\\win.pdf', 'win.pdf'],
    ['..', 'fallback.pdf'],
    [null, 'fallback.pdf'],
  ])('saves %j inside the output folder as %s, leaving no .part behind', async (suggested, expected) => {
    const saved = await saveResultFile(out, suggested, 'fallback.pdf', blob('%PDF-'));
    expect(saved.path).toBe(path.join(out, expected));
    expect(filesUnder(tmp.dir)).toEqual([saved.path]);
  });
});
