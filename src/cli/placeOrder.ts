import { randomUUID } from 'node:crypto';
import type { Planviewer } from '../client/createPlanviewer';
import type { RunSummary } from './CliRecord';
import { followJobs, type FollowContext } from './followJobs';

/**
 * The ledger could not be written before the order, so nothing was ordered: an order that cannot be
 * recorded must not be placed.
 *
 * @example
 * import type { FollowContext } from './followJobs';
 * import type { Planviewer } from 'planviewer-rx';
 * import { LedgerUnwritable, placeOrder } from './placeOrder';
 * import type { OrderRequest } from './placeOrder';
 * declare const request: OrderRequest;
 * declare const ctx: FollowContext;
 * declare const pv: Planviewer;
 * placeOrder(pv, request, ctx).catch((e) => e instanceof LedgerUnwritable && console.error(e.message));
 */
export class LedgerUnwritable extends Error {
  override readonly name = 'LedgerUnwritable';
  constructor(file: string, cause: unknown) {
    super(
      `cannot write the ledger ${file} (${(cause as Error).message ?? String(cause)}): nothing was ordered`,
    );
  }
}

/**
 * One order: the intentions (one POST for all), and how long to follow the jobs.
 *
 * @example
 * import { OrderRequest } from './placeOrder';
 * const request: OrderRequest = { intentions: ['3ca18ee6-a6be-4934-8e4a-3edc8b2106dd'], deadlineMs: 600_000 };
 */
export interface OrderRequest {
  readonly intentions: readonly string[];
  /** Stop following a job after this many ms; it stays pending in the ledger. */
  readonly deadlineMs?: number;
}

/**
 * The one code path that spends money, shared by `planviewer order` and the demo: writes and fsyncs the
 * `ordering` ledger entry (with the intentions and their labels) BEFORE the order is sent, then places
 * ONE order with `order$` and follows it with {@link followJobs} (job uuids to the ledger as soon as
 * they are known, results saved and recorded). A crash at any point leaves the ledger saying what to
 * resume or check.
 *
 * @example
 * import type { FollowContext } from './followJobs';
 * import type { Planviewer } from 'planviewer-rx';
 * import { placeOrder } from './placeOrder';
 * declare const ctx: FollowContext;
 * declare const pv: Planviewer;
 * const summary = await placeOrder(pv, { intentions: ['3ca18ee6-a6be-4934-8e4a-3edc8b2106dd'] }, ctx);
 */
export const placeOrder = (
  pv: Planviewer,
  request: OrderRequest,
  ctx: FollowContext,
  command = 'order',
): Promise<RunSummary> => {
  const order = { id: randomUUID(), intentions: request.intentions };
  const labels = Object.fromEntries(
    request.intentions.flatMap((i) => {
      const label = ctx.labels.get(i);
      return label === undefined ? [] : [[i, label] as const];
    }),
  );
  try {
    ctx.ledger.append({
      type: 'ordering',
      order: order.id,
      intentions: order.intentions,
      ...(Object.keys(labels).length === 0 ? {} : { labels }),
    });
  } catch (e) {
    return Promise.reject(new LedgerUnwritable(ctx.ledger.file, e));
  }
  return followJobs(
    pv.order$(order.intentions, {
      onWaitingForUser: ctx.chooser.onWaitingForUser,
      ...(request.deadlineMs === undefined ? {} : { deadlineMs: request.deadlineMs }),
    }),
    { command, order },
    ctx,
  );
};
