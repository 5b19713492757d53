/** Shared set-up for the simulator specs: a started simulator and a tiny authenticated fetch client. */
import {
  type AccountConfig,
  demoAccount,
  manualClock,
  type ManualClock,
  sampleAddress,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../../src/simulator';

export const basic = (account: Pick<AccountConfig, 'key' | 'secret'>): string =>
  `Basic ${Buffer.from(`${account.key}:${account.secret}`).toString('base64')}`;

export interface Client {
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
}

export const client = (
  sim: Simulator,
  account: Pick<AccountConfig, 'key' | 'secret'> | null = demoAccount,
): Client => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (account !== null) headers['authorization'] = basic(account);
  return {
    get: (path) => fetch(sim.apiUrl + path, { headers }),
    post: (path, body) =>
      fetch(sim.apiUrl + path, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
};

export interface Harness {
  readonly sim: Simulator;
  readonly clock: ManualClock;
}

/** A simulator on a manual clock, started before each test and closed after it. */
export const useSimulator = (options: SimulatorOptions = {}): Harness => {
  const harness = {} as { sim: Simulator; clock: ManualClock };
  beforeEach(async () => {
    harness.clock = manualClock();
    harness.sim = await startSimulator({ clock: harness.clock, ...options });
  });
  afterEach(async () => {
    await harness.sim.close();
  });
  return harness;
};

/** The intention uuid of a product at a location (default: the sample address). */
export const intentionOf = (
  sim: Simulator,
  product: string,
  location: string = sampleAddress.uuid,
): string => {
  const [intention] = sim.catalogue.intentionsAt(location, [product]);
  if (intention === undefined) throw new Error(`no ${product} intention at ${location}`);
  return intention.uuid;
};

/** Orders one intention and returns the job uuid. */
export const orderJob = async (
  sim: Simulator,
  product = 'bestemmingsplanrapport',
  location: string = sampleAddress.uuid,
  account: Pick<AccountConfig, 'key' | 'secret'> = demoAccount,
): Promise<string> => {
  const res = await client(sim, account).post('/jobs/order', {
    uuids: [intentionOf(sim, product, location)],
  });
  if (res.status !== 200) throw new Error(`order failed: ${res.status} ${await res.text()}`);
  const [placed] = (await res.json()) as Array<{ job: { uuid: string } }>;
  return placed!.job.uuid;
};

export const statusOf = async (
  sim: Simulator,
  job: string,
): Promise<{ status: string; progress: { current: number; total: number } }> => {
  const res = await client(sim).get(`/jobs/status?uuids%5B%5D=${job}`);
  const [status] = (await res.json()) as Array<{
    status: string;
    progress: { current: number; total: number };
  }>;
  return status!;
};
