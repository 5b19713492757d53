import { orderAll, rawApi, type RawApi } from '../rawApi';
import type { StrategyContext } from './Strategy';

/**
 * The shape every anchor shares, which is what makes them anchors: place the workload's orders with plain
 * requests, then follow each job on its own (`follow` resolves when it has noticed that job's end), all at
 * once.
 *
 * @example
 * run: (ctx) => followEachJob(ctx, async (api, job) => { … poll api.status(job) until terminal … }),
 */
export const followEachJob = async (
  ctx: StrategyContext,
  follow: (api: RawApi, job: string) => Promise<void>,
): Promise<void> => {
  const api = rawApi(ctx.apiUrl, ctx.key, ctx.secret, ctx.fetch);
  const jobs = await orderAll(api, ctx.orders);
  await Promise.all(jobs.map((job) => follow(api, job)));
};
