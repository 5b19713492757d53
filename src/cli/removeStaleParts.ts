import * as fs from 'node:fs';
import * as path from 'node:path';

/** `.name.<pid>.<ms>.part`, as saveResultFile names its temporary files. */
const PART = /^\..+\.(\d+)\.\d+\.part$/;

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is just not ours.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Deletes the half-written `.part` files of processes that no longer run (killed while saving a result),
 * and returns their names. Files of a running process, its own included, are left alone: another
 * `planviewer` may be saving into the same folder right now. The result itself is not lost: the job has no
 * `downloaded` ledger line, so `resume` downloads it again.
 *
 * @example
 * import { removeStaleParts } from './removeStaleParts';
 * removeStaleParts('./out'); // ['.r.pdf.4242.1764325029000.part']
 */
export const removeStaleParts = (outDir: string): string[] => {
  let names: string[];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const match = PART.exec(name);
    if (match === null || isRunning(Number(match[1]))) return false;
    fs.rmSync(path.join(outDir, name), { force: true });
    return true;
  });
};
