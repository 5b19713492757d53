import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeStaleParts } from '../../src/cli/removeStaleParts';
import { tempDir } from './helpers/cliProcess';

describe('removeStaleParts', () => {
  it('removes the .part files of processes that are gone, and keeps those of running ones and real results', () => {
    const tmp = tempDir();
    try {
      // Linux pids stay below pid_max, at most 4194304: no process has this one.
      const stale = '.r.pdf.4194305.1764325029000.part';
      const mine = `.s.pdf.${process.pid}.1764325029000.part`;
      for (const name of [stale, mine, 'r.pdf', 'planviewer-ledger.jsonl'])
        fs.writeFileSync(path.join(tmp.dir, name), '');
      expect(removeStaleParts(tmp.dir)).toEqual([stale]);
      expect(fs.readdirSync(tmp.dir).sort()).toEqual([mine, 'planviewer-ledger.jsonl', 'r.pdf'].sort());
      expect(removeStaleParts(path.join(tmp.dir, 'missing'))).toEqual([]);
    } finally {
      tmp.remove();
    }
  });
});
