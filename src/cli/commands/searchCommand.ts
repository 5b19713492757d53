import * as E from 'fp-ts/lib/Either.js';
import { addressSearch } from '../../endpoints/locationQuery';
import { describeError } from '../../errors/describeError';
import { ExitCode, exitCodeOf } from '../exitCodes';
import { printRow, type CommandResult, type CommandRun } from './CommandRun';

/**
 * The address a `search` looks for.
 *
 * @example
 * const args: SearchArgs = { postcode: '2345CD', huisnummer: '12', huisletter: 'B' };
 */
export interface SearchArgs {
  readonly postcode: string;
  readonly huisnummer: string;
  readonly huisletter?: string;
  readonly toevoeging?: string;
}

/**
 * `planviewer search <postcode> <huisnummer>`: the matching locations, best first, with their uuids.
 *
 * @example
 * await searchCommand(run, { postcode: '1234AB', huisnummer: '2' });
 * // cd017d6c-dbb3-4372-91e8-ed98de04cd0b  Voorbeeldstraat 2, 1234AB Plaats
 */
export const searchCommand = async (run: CommandRun, args: SearchArgs): CommandResult => {
  const search = addressSearch({
    postcode: args.postcode,
    huisnummer: args.huisnummer,
    ...(args.huisletter === undefined ? {} : { huisletter: args.huisletter }),
    ...(args.toevoeging === undefined ? {} : { huisnummertoevoeging: args.toevoeging }),
  });
  if (E.isLeft(search)) {
    run.io.err(`planviewer search: ${describeError(search.left)}`);
    return ExitCode.usage;
  }
  const result = await run.pv.searchLocations(search.right)();
  if (E.isLeft(result)) {
    run.reporter.report({ type: 'error', error: result.left, command: 'search' });
    return exitCodeOf(result.left);
  }
  if (result.right.length === 0 && !run.json) run.io.err('No location found.');
  for (const l of result.right)
    printRow(
      run,
      { type: 'location', uuid: l.uuid, title: l.title, score: l.score },
      `${l.uuid}  ${l.title}`,
    );
  return ExitCode.ok;
};
