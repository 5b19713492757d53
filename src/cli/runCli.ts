import * as E from 'fp-ts/lib/Either.js';
import { version } from '../../package.json';
import { parseCommandLine, type CliCommand } from './cliArgs';
import type { CliIo } from './CliIo';
import { clientFromEnv } from './clientFromEnv';
import type { CommandResult, CommandRun } from './commands/CommandRun';
import { downloadCommand } from './commands/downloadCommand';
import { intentionsCommand } from './commands/intentionsCommand';
import { orderCommand } from './commands/orderCommand';
import { productsCommand } from './commands/productsCommand';
import { resumeCommand } from './commands/resumeCommand';
import { searchCommand } from './commands/searchCommand';
import { statusCommand } from './commands/statusCommand';
import { ExitCode, type ExitCodeValue } from './exitCodes';
import { createReporter } from './Reporter';
import { helpText } from './usage';

type ApiCommand = Exclude<CliCommand, { readonly kind: 'help' } | { readonly kind: 'version' }>;

const dispatch = (run: CommandRun, cmd: ApiCommand): CommandResult => {
  switch (cmd.kind) {
    case 'products':
      return productsCommand(run);
    case 'search':
      return searchCommand(run, cmd);
    case 'intentions':
      return intentionsCommand(run, cmd.locations, cmd.products);
    case 'order':
      return orderCommand(run, cmd);
    case 'status':
      return statusCommand(run, cmd.jobs);
    case 'download':
      return downloadCommand(run, cmd);
    case 'resume':
      return resumeCommand(run, cmd);
  }
};

/**
 * Runs `planviewer` with these arguments and returns the exit code (see docs/cli.md). API failures are
 * reported with `describeError` and mapped to their exit code; only a defect (a bug) throws.
 *
 * @example
 * import { processIo } from './CliIo';
 * import { runCli } from './runCli';
 * process.exitCode = await runCli(['products', '--json'], processIo());
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<ExitCodeValue> => {
  const parsed = parseCommandLine(argv, io.cwd);
  if (E.isLeft(parsed)) {
    const { message, command } = parsed.left;
    io.err(`planviewer${command === undefined ? '' : ` ${command}`}: ${message}`);
    io.err(`Run \`planviewer ${command === undefined ? '' : `${command} `}--help\` for usage.`);
    return ExitCode.usage;
  }
  const cmd = parsed.right;
  if (cmd.kind === 'help') {
    io.out(helpText(cmd.topic));
    return ExitCode.ok;
  }
  if (cmd.kind === 'version') {
    io.out(version);
    return ExitCode.ok;
  }
  const pv = clientFromEnv(io, cmd.common);
  if (E.isLeft(pv)) {
    io.err(`planviewer ${cmd.kind}: ${pv.left}`);
    return ExitCode.usage;
  }
  const reporter = createReporter(io, { json: cmd.common.json });
  // Ctrl-C: everything worth keeping is already in the ledger; give the terminal back (bars hide the
  // cursor) and say how to carry on.
  const interrupted = (): void => {
    reporter.close();
    io.err(`\nInterrupted. Every job ordered so far is in the ledger: \`planviewer resume\` picks them up.`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    return await dispatch({ pv: pv.right, io, reporter, json: cmd.common.json }, cmd);
  } finally {
    process.off('SIGINT', interrupted);
    reporter.close();
  }
};
