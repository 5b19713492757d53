import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeBaseName } from '../http/resultFilename';
import { isReservedName } from './reservedNames';

/**
 * Where a result went.
 *
 * @example
 * import { SavedFile } from './saveResultFile';
 * const saved: SavedFile = { path: '/home/me/out/r.pdf', bytes: 1950 };
 */
export interface SavedFile {
  readonly path: string;
  readonly bytes: number;
}

/** A suggestion reduced to a safe base name, or null when none is left or it names a file of ours. */
const usableName = (suggested: string): string | null => {
  const base = safeBaseName(suggested);
  return base === null || isReservedName(base) ? null : base;
};

const withSuffix = (name: string, n: number): string => {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
};

/**
 * Writes a result into `outDir` so that a file under its final name is always complete: bytes go to
 * `name.part`, are fsynced, then moved into place. The suggested name is a hint only (base name, no
 * `..`, no separators or control characters, no reserved Windows names, length-capped, never a name the
 * CLI owns such as the ledger: see {@link isReservedName}, the job's own name is used instead); the final
 * path is always inside `outDir`. An existing file is never replaced unless `force`: a `-1`, `-2`… suffix
 * is added, and the no-replace move is atomic (a hard link, which fails if the name is taken). Even with
 * `force`, a path in `keep` (the files this run saved already) is never replaced: two results of one run
 * that suggest the same name both stay.
 *
 * @example
 * import type { RetrievedFile } from 'planviewer-rx';
 * import { saveResultFile } from './saveResultFile';
 * declare const file: RetrievedFile;
 * declare const job: string;
 * const saved = await saveResultFile('./out', '../../x.pdf', `${job}.pdf`, file.blob); // ./out/x.pdf
 */
export const saveResultFile = async (
  outDir: string,
  suggestedName: string | null,
  fallbackName: string,
  blob: Blob,
  force = false,
  keep: ReadonlySet<string> = new Set(),
): Promise<SavedFile> => {
  const root = path.resolve(outDir);
  fs.mkdirSync(root, { recursive: true });
  const base =
    (suggestedName === null ? null : usableName(suggestedName)) ?? usableName(fallbackName) ?? 'result';
  const part = path.join(root, `.${base}.${process.pid}.${Date.now()}.part`);
  insideOrThrow(root, part);
  const fd = fs.openSync(part, 'wx');
  let bytes = 0;
  try {
    // Chunk by chunk, so a 50 MB result is not copied into one more buffer on the way to disk.
    for await (const chunk of blob.stream() as unknown as AsyncIterable<Uint8Array>) {
      fs.writeSync(fd, chunk);
      bytes += chunk.byteLength;
    }
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(part, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    for (let n = 0; ; n++) {
      const name = n === 0 ? base : withSuffix(base, n);
      // `base` is never reserved; this guards against a later change to the naming writing onto the ledger.
      if (isReservedName(name)) throw new Error(`refusing to write onto a file of the CLI: ${name}`);
      const target = path.join(root, name);
      insideOrThrow(root, target);
      if (force && n === 0 && !keep.has(target)) {
        fs.renameSync(part, target);
        return { path: target, bytes };
      }
      try {
        fs.linkSync(part, target);
        fs.unlinkSync(part);
        return { path: target, bytes };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  }
};

const insideOrThrow = (root: string, candidate: string): void => {
  const relative = path.relative(root, path.resolve(candidate));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new Error(`refusing to write outside the output folder: ${candidate}`);
};
