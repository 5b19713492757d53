import * as E from 'fp-ts/lib/Either.js';
import { ExitCode, exitCodeOf } from '../exitCodes';
import { printRow, type CommandResult, type CommandRun } from './CommandRun';

/**
 * `planviewer products`: one line per orderable product (slug and name).
 *
 * @example
 * await productsCommand(run); // percelenrapport  Percelenrapport …
 */
export const productsCommand = async (run: CommandRun): CommandResult => {
  const result = await run.pv.products()();
  if (E.isLeft(result)) {
    run.reporter.report({ type: 'error', error: result.left, command: 'products' });
    return exitCodeOf(result.left);
  }
  const width = Math.max(0, ...result.right.map((p) => p.slug.length));
  for (const p of result.right)
    printRow(run, { type: 'product', slug: p.slug, name: p.name }, `${p.slug.padEnd(width)}  ${p.name}`);
  return ExitCode.ok;
};
