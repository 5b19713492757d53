import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where and with what the bench ran. */
export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly platform: string;
  readonly packages: Readonly<Record<string, string>>;
}

/** The packages whose behaviour the numbers depend on. */
const PACKAGES = [
  'rxjs',
  '@smithy/util-waiter',
  '@smithy/core',
  '@azure/core-lro',
  '@sinonjs/fake-timers',
  'cross-fetch',
  'node-fetch',
] as const;

const versionOf = (name: string): string => {
  try {
    const file = path.join(__dirname, '..', 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
};

/**
 * CPU count (what `nproc` reports), CPU model, Node version and the installed versions of the libraries.
 *
 * @example
 * machineInfo().node; // 'v20.20.2'
 */
export const machineInfo = (): MachineInfo => ({
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  packages: Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)])),
});
