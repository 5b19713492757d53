// Installs the planviewer-rx of this repository, packed as it would be published, into node_modules:
// run `npm run build` in the repository first. The app then resolves planviewer-rx exactly as it would
// after `npm install planviewer-rx`, with rxjs, fp-ts and io-ts from its own node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '../..');
const target = join(here, 'node_modules', 'planviewer-rx');
const scratch = mkdtempSync(join(tmpdir(), 'planviewer-rx-pack-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], {
      cwd: repository,
      encoding: 'utf8',
    }),
  );
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, packed[0].filename), '-C', target, '--strip-components=1']);
  console.log(
    `planviewer-rx ${packed[0].version} (${packed[0].entryCount} files) installed from ${repository}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
