import { describeError } from '../errors/describeError';
import type { CliIo } from './CliIo';
import type { CliRecord } from './CliRecord';
import { jsonLine, plainLine } from './formatRecord';
import { progressBarsReporter } from './progressBarsReporter';

/**
 * Where a command's records go. One of three renderings, chosen once per run by {@link createReporter}.
 *
 * @example
 * import type { CliIo } from './CliIo';
 * import { createReporter } from './Reporter';
 * declare const io: CliIo;
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
 * `--json`: every record as one JSON object per line on stdout; errors also as a sentence on stderr for
 * the person watching.
 *
 * @example
 * import type { CliIo } from './CliIo';
 * import { jsonReporter } from './Reporter';
 * declare const io: CliIo;
 * jsonReporter(io).report({ type: 'note', text: 'hi' }); // stdout: {"type":"note","text":"hi"}
 */
export const jsonReporter = (io: CliIo): Reporter => ({
  report: (r) => {
    io.out(jsonLine(r));
    if (r.type === 'error') io.err(describeError(r.error));
  },
  ask: (q) => io.ask(q),
  close: () => undefined,
});

/**
 * No terminal: one plain line per change on stdout (errors on stderr). Download progress is reported
 * once per job, not per chunk, so a log stays readable.
 *
 * @example
 * import type { CliIo } from './CliIo';
 * import { plainReporter } from './Reporter';
 * declare const io: CliIo;
 * plainReporter(io).report({ type: 'note', text: 'hi' }); // stdout: hi
 */
export const plainReporter = (io: CliIo): Reporter => {
  const downloading = new Set<string>();
  return {
    report: (r) => {
      if (r.type === 'event' && r.event._tag === 'Downloading') {
        if (downloading.has(r.event.job)) return;
        downloading.add(r.event.job);
      }
      if (r.type === 'error') io.err(plainLine(r));
      else io.out(plainLine(r));
    },
    ask: (q) => io.ask(q),
    close: () => undefined,
  };
};

/**
 * The reporter for this run: JSON lines with `--json`, live bars when stdout is a terminal, plain lines
 * otherwise.
 *
 * @example
 * import { processIo } from './CliIo';
 * import { createReporter } from './Reporter';
 * const reporter = createReporter(processIo(), { json: process.argv.includes('--json') });
 */
export const createReporter = (io: CliIo, options: { readonly json: boolean }): Reporter =>
  options.json ? jsonReporter(io) : io.stdout.isTTY === true ? progressBarsReporter(io) : plainReporter(io);
