import type { Planviewer } from '../../client/createPlanviewer';
import type { CliIo } from '../CliIo';
import type { ExitCodeValue } from '../exitCodes';
import type { Reporter } from '../Reporter';

/**
 * What every subcommand gets: the client, the outside world and the reporter chosen for this run.
 *
 * @example
 * import type { CliIo } from '../CliIo';
 * import type { Reporter } from '../Reporter';
 * import type { Planviewer } from 'planviewer-rx';
 * import { CommandRun } from './CommandRun';
 * declare const io: CliIo;
 * declare const reporter: Reporter;
 * declare const pv: Planviewer;
 * const run: CommandRun = { pv, io, reporter, json: false };
 */
export interface CommandRun {
  readonly pv: Planviewer;
  readonly io: CliIo;
  readonly reporter: Reporter;
  readonly json: boolean;
}

/**
 * Prints one result row: a JSON object on its own line with `--json`, else the text.
 *
 * @example
 * import type { CommandRun } from './CommandRun';
 * import { printRow } from './CommandRun';
 * declare const run: CommandRun;
 * printRow(run, { type: 'product', slug: 'percelenrapport', name: 'Percelenrapport' }, 'percelenrapport  Percelenrapport');
 */
export const printRow = (run: CommandRun, row: Record<string, unknown>, text: string): void =>
  run.io.out(run.json ? JSON.stringify(row) : text);

/**
 * A subcommand: runs, reports, and says how the process should exit.
 *
 * @example
 * import { ExitCode } from '../exitCodes';
 * import { CommandResult } from './CommandRun';
 * const noop = async (): CommandResult => ExitCode.ok;
 */
export type CommandResult = Promise<ExitCodeValue>;
