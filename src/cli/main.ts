#!/usr/bin/env node
/**
 * `planviewer`: the command line. See docs/cli.md, or run `planviewer --help`.
 */
import { processIo } from './CliIo';
import { ExitCode } from './exitCodes';
import { runCli } from './runCli';

const io = processIo();
runCli(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (defect: unknown) => {
    // A bug, not an API failure (those are reported and mapped to exit codes): show everything.
    io.err(
      `planviewer: internal error (a bug, please report it): ${defect instanceof Error ? (defect.stack ?? defect.message) : String(defect)}`,
    );
    process.exit(ExitCode.defect);
  },
);
