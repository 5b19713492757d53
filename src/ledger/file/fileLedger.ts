import * as E from 'fp-ts/lib/Either.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JobLedger } from '../JobLedger';
import { journalLedger, type Journal, type JournalLedgerOptions } from '../journalLedger';
import { ledgerText, parseLedgerText, type LedgerEntry } from '../LedgerEntry';

/**
 * The ledger's file name inside a folder, as the CLI has always named it.
 *
 * @example
 * import * as path from 'node:path';
 * import { LEDGER_FILE } from 'planviewer-rx/file-ledger';
 * path.join('/home/me/out', LEDGER_FILE); // '/home/me/out/planviewer-ledger.jsonl'
 *
 * @since 0.2.0
 */
export const LEDGER_FILE = 'planviewer-ledger.jsonl';

/**
 * The JSONL journal in a file: every append is written and fsynced before it returns (synchronously, so
 * nothing can run in between), the folder is created when missing, the first write of a new file also
 * fsyncs the folder so that the file itself survives a power cut, and a write after a torn line (a crash
 * mid-write) starts on a new line.
 *
 * @example
 * import { fileJournal } from 'planviewer-rx/file-ledger';
 * fileJournal('/srv/out/planviewer-ledger.jsonl').read(); // []
 *
 * @since 0.2.0
 * @category constructors
 */
export const fileJournal = (file: string): Journal => {
  const absolute = path.resolve(file);
  return {
    name: `file ${absolute}`,
    key: `file:${absolute}`,
    read: () => {
      let text: string;
      try {
        text = fs.readFileSync(absolute, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      const entries = parseLedgerText(text);
      if (E.isLeft(entries)) throw new Error(`${absolute}: ${entries.left}`);
      return entries.right;
    },
    append: (entries: readonly LedgerEntry[]) => {
      const dir = path.dirname(absolute);
      fs.mkdirSync(dir, { recursive: true });
      const created = !fs.existsSync(absolute);
      const fd = fs.openSync(absolute, 'a+');
      try {
        // After a crash mid-write the file ends in a torn line: start on a line of our own, or the new
        // entry would be glued to the torn one and unreadable.
        fs.writeSync(fd, (endsTorn(fd) ? '\n' : '') + ledgerText(entries));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      if (created) fsyncFolder(dir);
    },
  };
};

/** Whether the file's last byte is something other than a newline (a torn last line). */
const endsTorn = (fd: number): boolean => {
  const size = fs.fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  fs.readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
};

/** Makes a new directory entry durable. Some platforms cannot open a folder: best effort there. */
const fsyncFolder = (dir: string): void => {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows refuses to open a directory; its file system journals the entry anyway.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
};

/**
 * The Node default ledger: a JSONL file, fsynced on every write, in the CLI's format (so `planviewer
 * resume` and a service can read each other's ledgers). Give it a folder (the file is
 * `planviewer-ledger.jsonl` inside) or a path ending in `.jsonl`. One process uses a file at a time.
 *
 * @example
 * import type { JobEvent, Planviewer, PlanviewerError } from 'planviewer-rx';
 * import type { Either } from 'fp-ts/lib/Either.js';
 * import { fileLedger } from 'planviewer-rx/file-ledger';
 * declare const pv: Planviewer;
 * declare const intention: string;
 * declare const handle: (emission: Either<PlanviewerError, JobEvent>) => void;
 * const ledger = fileLedger('/srv/planviewer');
 * pv.order$([intention], { ledger }).subscribe(handle);
 * pv.resume$(ledger).subscribe(handle); // after a restart
 *
 * @since 0.2.0
 * @category constructors
 */
export const fileLedger = (fileOrFolder: string, options: JournalLedgerOptions = {}): JobLedger =>
  journalLedger(
    fileJournal(fileOrFolder.endsWith('.jsonl') ? fileOrFolder : path.join(fileOrFolder, LEDGER_FILE)),
    options,
  );
