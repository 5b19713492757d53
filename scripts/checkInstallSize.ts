/**
 * The lean-install check: packs the package, installs the tarball into an empty folder as a user would
 * (peer dependencies left out: the user's app brings rxjs, fp-ts and io-ts), and fails when the package
 * with its own dependencies takes more than the budget. Needs `npm run build` first; talks to the npm
 * registry only for dependencies missing from the local npm cache.
 *
 * Usage: `npm run check:size` (prints the tarball size, the installed size and the biggest packages).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The budget for the package and its own dependencies, installed (file sizes, not disk blocks). */
export const INSTALL_BUDGET_BYTES = 2_000_000;

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.tmp', 'install-size');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const sizeOf = (p: string): number => {
  const stat = fs.lstatSync(p);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
};

const packages = (modules: string): { name: string; bytes: number }[] =>
  fs.readdirSync(modules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const full = path.join(modules, name);
    if (name.startsWith('@'))
      return fs
        .readdirSync(full)
        .map((sub) => ({ name: `${name}/${sub}`, bytes: sizeOf(path.join(full, sub)) }));
    return [{ name, bytes: sizeOf(full) }];
  });

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

if (require.main === module) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) {
    console.error('check:size needs the build: run `npm run build` first.');
    process.exit(1);
  }
  fs.rmSync(WORK, { recursive: true, force: true });
  const app = path.join(WORK, 'app');
  fs.mkdirSync(app, { recursive: true });
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', WORK], { cwd: ROOT, encoding: 'utf8' }),
  ) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  const tarball = packed[0]!;
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  execFileSync(
    npm,
    [
      'install',
      path.join(WORK, tarball.filename),
      '--omit=peer',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const modules = path.join(app, 'node_modules');
  const installed = packages(modules).sort((a, b) => b.bytes - a.bytes);
  const total = installed.reduce((sum, p) => sum + p.bytes, 0);
  console.log(
    `tarball ${tarball.filename}: ${kb(tarball.size)} packed, ${kb(tarball.unpackedSize)} unpacked, ${tarball.entryCount} files`,
  );
  console.log(
    `installed without peers: ${kb(total)} in ${installed.length} packages (budget ${kb(INSTALL_BUDGET_BYTES)})`,
  );
  for (const p of installed) console.log(`  ${kb(p.bytes).padStart(10)}  ${p.name}`);
  fs.rmSync(WORK, { recursive: true, force: true });
  if (total > INSTALL_BUDGET_BYTES) {
    console.error(
      `The install is over budget by ${kb(total - INSTALL_BUDGET_BYTES)}: see which package above grew.`,
    );
    process.exit(1);
  }
}
