import * as E from 'fp-ts/lib/Either.js';
import { ExitCode, exitCodeOf } from '../exitCodes';
import { printRow, type CommandResult, type CommandRun } from './CommandRun';

/** A short human summary of an intention's product-specific properties (plan name, title). */
const describeProperties = (properties: Record<string, unknown>): string =>
  ['title', 'plannaam', 'plan_id']
    .flatMap((k) => (typeof properties[k] === 'string' ? [String(properties[k])] : []))
    .join(', ');

/**
 * `planviewer intentions <location…> --product <slug…>`: one line per orderable intention (its uuid is
 * what `order` takes).
 *
 * @example
 * await intentionsCommand(run, ['cd017d6c-dbb3-4372-91e8-ed98de04cd0b'], ['bestemmingsplanrapport']);
 * // 3ca18ee6-a6be-4934-8e4a-3edc8b2106dd  bestemmingsplanrapport  (location cd017d6c…)  Plaats Centrum
 */
export const intentionsCommand = async (
  run: CommandRun,
  locations: readonly string[],
  products: readonly string[],
): CommandResult => {
  const result = await run.pv.intentions(locations, products)();
  if (E.isLeft(result)) {
    run.reporter.report({ type: 'error', error: result.left, command: 'intentions' });
    return exitCodeOf(result.left);
  }
  let count = 0;
  for (const at of result.right)
    for (const i of at.intentions) {
      count += 1;
      printRow(
        run,
        { type: 'intention', uuid: i.uuid, product: i.product, location: at.uuid, properties: i.properties },
        `${i.uuid}  ${i.product}  (location ${at.uuid})  ${describeProperties(i.properties as Record<string, unknown>)}`.trimEnd(),
      );
    }
  if (count === 0 && !run.json) run.io.err('Nothing orderable for these locations and products.');
  return ExitCode.ok;
};
