import type { CliIo } from './CliIo';
import { describeForCli } from './cliErrors';
import { jsonLine } from './formatRecord';
import type { Reporter } from './Reporter';

/**
 * `--json`: every record as one JSON object per line on stdout; errors also as a sentence on stderr for
 * the person watching.
 *
 * @example
 * jsonReporter(io).report({ type: 'note', text: 'hi' }); // stdout: {"type":"note","text":"hi"}
 */
export const jsonReporter = (io: CliIo): Reporter => ({
  report: (r) => {
    io.out(jsonLine(r));
    if (r.type === 'error') io.err(describeForCli(r.error));
  },
  ask: (q) => io.ask(q),
  close: () => undefined,
});
