import * as E from 'fp-ts/lib/Either.js';
import type { CommonOptions, FollowFlags } from '../cliArgs';
import { confirmOrder } from '../confirmOrder';
import { orderBudgetExhausted } from '../../errors/PlanviewerError';
import { amsterdamDay } from '../../ledger/amsterdamDay';
import { productsOrderedOn } from '../../ledger/productsOrderedOn';
import { ExitCode, exitCodeOf } from '../exitCodes';
import { followContext } from '../followContext';
import { intentionLabels } from '../intentionLabels';
import { LedgerUnwritable, placeOrder } from '../placeOrder';
import type { CommandResult, CommandRun } from './CommandRun';

/**
 * The arguments of `planviewer order`.
 *
 * @example
 * import type { CommonOptions } from '../cliArgs';
 * import type { OrderArgs } from './orderCommand';
 * declare const common: CommonOptions;
 * const args: OrderArgs = { common, follow: { choose: 1 }, locations: [], intentions: ['3ca18ee6-a6be-4934-8e4a-3edc8b2106dd'], yes: true };
 */
export interface OrderArgs {
  readonly common: CommonOptions;
  readonly follow: FollowFlags;
  readonly intentions: readonly string[];
  readonly yes: boolean;
  /** Locations to look the intentions up at first (`--location`); may be empty. */
  readonly locations: readonly string[];
  /** `--max-orders-per-day`: the products this ledger may order per Europe/Amsterdam day. */
  readonly maxOrdersPerDay?: number;
}

/**
 * `planviewer order <intention…>`: asks for consent (or `--yes`), then {@link placeOrder}: ledger first,
 * one POST, follow, save, summary.
 *
 * @example
 * import type { CommandRun } from './CommandRun';
 * import { orderCommand } from './orderCommand';
 * import type { CommonOptions } from '../cliArgs';
 * declare const run: CommandRun;
 * declare const common: CommonOptions;
 * await orderCommand(run, { common, follow: {}, locations: [], intentions: ['3ca18ee6-a6be-4934-8e4a-3edc8b2106dd'], yes: true });
 */
export const orderCommand = async (run: CommandRun, args: OrderArgs): CommandResult => {
  const ctx = followContext(run.io, run.reporter, args.common, args.follow);
  if (args.locations.length > 0) {
    const found = await intentionLabels(run.pv, args.locations, args.intentions);
    if (E.isLeft(found)) {
      run.reporter.report({ type: 'error', error: found.left, command: 'order' });
      return exitCodeOf(found.left);
    }
    if (found.right.missing.length > 0) {
      run.io.err(
        `planviewer order: not orderable at the given location(s), so nothing was ordered: ${found.right.missing.join(', ')}`,
      );
      return ExitCode.usage;
    }
    for (const [intention, label] of found.right.labels) ctx.labels.set(intention, label);
  }
  if (args.maxOrdersPerDay !== undefined) {
    // Counted in the ledger of --out, which records every order before it is sent: the CLI orders once
    // per run, so today's count there is the budget used.
    const day = amsterdamDay(Date.now());
    const used = productsOrderedOn(ctx.ledger.entries(), day);
    if (used + args.intentions.length > args.maxOrdersPerDay) {
      const error = orderBudgetExhausted(args.intentions, day, args.maxOrdersPerDay, used);
      run.reporter.report({ type: 'error', error });
      return exitCodeOf(error);
    }
  }
  const consent = await confirmOrder(run.io, {
    yes: args.yes,
    intentions: args.intentions,
    labels: ctx.labels,
  });
  if (!consent.ok) {
    run.io.err(`planviewer order: ${consent.message}`);
    return consent.reason === 'declined' ? ExitCode.ok : ExitCode.usage;
  }
  const placed = placeOrder(
    run.pv,
    {
      intentions: args.intentions,
      ...(args.follow.deadlineMs === undefined ? {} : { deadlineMs: args.follow.deadlineMs }),
    },
    ctx,
  );
  let summary;
  try {
    summary = await placed;
  } catch (e) {
    if (!(e instanceof LedgerUnwritable)) throw e;
    run.io.err(`planviewer order: ${e.message}. Choose a writable folder with --out.`);
    return ExitCode.usage;
  }
  run.reporter.report({ type: 'summary', summary });
  return summary.exitCode;
};
