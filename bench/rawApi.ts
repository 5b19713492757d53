import type { FetchLike } from '../src/config/FetchLike';

/**
 * The two calls the anchors make, written the way a user of a generic polling library would: one
 * `POST /jobs/order`, then `GET /jobs/status?uuids[]=<job>` per poll, Basic auth, JSON bodies.
 *
 * @example
 * const api = rawApi(sim.apiUrl, 'bench', 'bench-secret', net.fetch);
 * const jobs = await api.order(intentions);
 * await api.status(jobs[0]); // 'initial' | 'in_progress' | 'finished' | …
 */
export interface RawApi {
  /** Orders the intentions in one request; the job uuids in request order. */
  readonly order: (intentions: readonly string[]) => Promise<string[]>;
  /** One status request for one job: its status string. */
  readonly status: (job: string) => Promise<string>;
}

/** Terminal statuses: the poll that sees one of these is the one that "noticed" the end. */
export const isTerminal = (status: string): boolean => status === 'finished' || status === 'error';

/**
 * Builds the {@link RawApi} over a fetch (the bench's counting fetch, so it is the same HTTP stack as the
 * client's). Any unexpected answer throws: an anchor run must not silently count a failed poll.
 *
 * @example
 * const api = rawApi(apiUrl, key, secret, fetch);
 */
export const rawApi = (apiUrl: string, key: string, secret: string, fetch: FetchLike): RawApi => {
  const authorization = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  const call = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(url, {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'manual',
      // Never aborted (the anchors cancel nothing here), but one per request as the client does: node-fetch
      // adds a listener per request to the signal it gets.
      signal: new AbortController().signal,
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as unknown;
  };
  return {
    order: async (intentions) => {
      const answer = (await call('POST', `${apiUrl}/jobs/order`, { uuids: intentions })) as {
        job: { uuid: string };
      }[];
      return answer.map((a) => a.job.uuid);
    },
    status: async (job) => {
      const answer = (await call('GET', `${apiUrl}/jobs/status?uuids[]=${job}`)) as {
        uuid: string;
        status: string;
      }[];
      const mine = answer.find((s) => s.uuid === job);
      if (mine === undefined) throw new Error(`status of ${job} missing from the answer`);
      return mine.status;
    },
  };
};

/**
 * Places the orders one after another and returns every job uuid, in creation order.
 *
 * @example
 * const jobs = await orderAll(api, workloadOrders(intentions));
 */
export const orderAll = async (api: RawApi, orders: readonly (readonly string[])[]): Promise<string[]> => {
  const jobs: string[] = [];
  for (const order of orders) jobs.push(...(await api.order(order)));
  return jobs;
};
