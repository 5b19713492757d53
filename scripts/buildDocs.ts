/**
 * Builds the API reference (docs/api/, Markdown) with TypeDoc from the TSDoc of the public entries: the
 * same entries package.json exports (scripts/checkExamples.ts reads them from package.json and
 * tsup.config.ts), so a new entry is documented without touching this file. Settings are in typedoc.json;
 * any TypeDoc warning fails the build (a public type referring to an internal one, a broken {@link}).
 *
 * Usage: `npm run docs` writes docs/api/. `npm run docs:check` (in `npm test`) builds into .tmp/ and fails
 * when the committed docs/api/ differs, naming the files.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { publicEntries } from './checkExamples';

const ROOT = path.resolve(__dirname, '..');
const COMMITTED = path.join(ROOT, 'docs', 'api');

const build = (out: string): void => {
  const entryPoints = Object.values(publicEntries(ROOT)).flatMap((file) => [
    '--entryPoints',
    path.relative(ROOT, file),
  ]);
  const typedoc = path.join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');
  try {
    execFileSync(process.execPath, [typedoc, '--options', 'typedoc.json', '--out', out, ...entryPoints], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch {
    console.error('\nTypeDoc reported problems (above); the reference was not written.');
    process.exit(1);
  }
};

const files = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
        .sort()
    : [];

if (require.main === module) {
  if (!process.argv.includes('--check')) {
    build(COMMITTED);
  } else {
    const fresh = path.join(ROOT, '.tmp', 'api-check');
    fs.rmSync(fresh, { recursive: true, force: true });
    build(fresh);
    const names = [...new Set([...files(COMMITTED), ...files(fresh)])].sort();
    const stale = names.filter((n) => {
      const a = path.join(COMMITTED, n);
      const b = path.join(fresh, n);
      return !fs.existsSync(a) || !fs.existsSync(b) || !fs.readFileSync(a).equals(fs.readFileSync(b));
    });
    fs.rmSync(fresh, { recursive: true, force: true });
    if (stale.length > 0) {
      console.error(
        `docs/api is out of date (${stale.map((n) => `docs/api/${n}`).join(', ')}): run \`npm run docs\` and commit it.`,
      );
      process.exit(1);
    }
    console.log(`docs/api is up to date (${names.length} files, 0 TypeDoc warnings).`);
  }
}
