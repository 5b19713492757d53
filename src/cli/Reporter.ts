import type { CliIo } from './CliIo';
import type { CliRecord } from './CliRecord';
import { jsonReporter } from './jsonReporter';
import { plainReporter } from './plainReporter';
import { progressBarsReporter } from './progressBarsReporter';

/**
 * Where a command's records go. One of three renderings, chosen once per run by {@link createReporter}:
 * {@link jsonReporter}, {@link plainReporter} or {@link progressBarsReporter}.
 *
 * @example
 * const reporter = createReporter(io, { json: false });
 * reporter.report({ type: 'note', text: 'Ordering 2 products' });
 * reporter.close();
 */
export interface Reporter {
  report(record: CliRecord): void;
  /** Asks a person a question; live bars are paused meanwhile. */
  ask(question: string): Promise<string>;
  /** Stops live output (bars); call once, before the process exits. */
  close(): void;
}

/**
 * The reporter for this run: JSON lines with `--json`, live bars (on stderr) when stderr is a terminal,
 * plain lines otherwise.
 *
 * @example
 * const reporter = createReporter(processIo(), { json: process.argv.includes('--json') });
 */
export const createReporter = (io: CliIo, options: { readonly json: boolean }): Reporter =>
  options.json ? jsonReporter(io) : io.stderr.isTTY === true ? progressBarsReporter(io) : plainReporter(io);
