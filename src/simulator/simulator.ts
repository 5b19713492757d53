/**
 * `startSimulator`: wires clock, accounts, catalogue, jobs, faults and the request log to an HTTP server
 * on loopback.
 */
import { type AddressInfo } from 'node:net';
import type * as http from 'node:http';
import { type AccountConfig, type AccountRegistry, builtInAccounts, createAccountStore } from './accounts';
import { type Catalogue, createCatalogue } from './catalogue';
import { type Clock, realClock } from './clock';
import { createDocumentIndex } from './documents';
import { createFaults, type FaultController, type FaultRule } from './faults';
import { createJobStore, type JobRegistry } from './jobs';
import { type AddressLocation, sampleAddress } from './locations';
import { defaultProducts, type ProductSpec } from './products';
import { createRequestLog, type RequestLog } from './requestLog';
import { createResultRenderer } from './result';
import { API_PREFIX } from './routeIds';
import { createServer } from './server';

/**
 * Options of {@link startSimulator}; all optional.
 *
 * @example
 * ```ts
 * const options: SimulatorOptions = { clock: manualClock(), seed: 7, faults: [] };
 * ```
 */
export interface SimulatorOptions {
  /** @default 0 (a free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default realClock() */
  readonly clock?: Clock;
  /** @default builtInAccounts */
  readonly accounts?: readonly AccountConfig[];
  /** Replaces the catalogue's products. @default defaultProducts */
  readonly products?: readonly ProductSpec[];
  /** Fault rules in force from the start; more can be added with `sim.faults.add`. @default [] */
  readonly faults?: readonly FaultRule[];
  /** Seeds job uuids, schedules and probabilistic faults: same seed + same requests → same behaviour. @default 1 */
  readonly seed?: number | string;
  /** Longer request URLs get 414 (a real server's limit is about 8 KB). @default 8192 */
  readonly maxUrlLength?: number;
  /** Larger request bodies get 413. @default 1048576 */
  readonly maxBodyBytes?: number;
  /** How long an idle keep-alive connection stays open. @default 15000 */
  readonly keepAliveTimeoutMs?: number;
  /** Log entries kept (counts stay exact beyond it). @default Infinity */
  readonly maxLogEntries?: number;
  /**
   * Origins a browser page may call the simulator from directly (CORS), e.g. `['http://localhost:4200']`,
   * or `['*']` for any. Preflight `OPTIONS` requests are answered and not logged. @default [] (no CORS)
   */
  readonly corsOrigins?: readonly string[];
}

/**
 * A running simulator.
 *
 * @example
 * ```ts
 * const sim = await startSimulator({ clock: manualClock() });
 * const auth = 'Basic ' + Buffer.from('demo:demo-secret').toString('base64');
 * const res = await fetch(`${sim.apiUrl}/products/list`, { headers: { authorization: auth } });
 * await sim.close();
 * ```
 */
export interface Simulator {
  /** Origin to give a client as its base URL, e.g. `http://127.0.0.1:41234` (no path). */
  readonly url: string;
  /** `url` + `/product_api/v1`. */
  readonly apiUrl: string;
  readonly host: string;
  readonly port: number;
  /** The origins allowed to call it from a browser page (empty: no CORS). */
  readonly corsOrigins: readonly string[];
  readonly seed: number | string;
  readonly clock: Clock;
  readonly accounts: AccountRegistry;
  readonly catalogue: Catalogue;
  readonly jobs: JobRegistry;
  readonly requests: RequestLog;
  readonly faults: FaultController;
  /** The address `--json` reports as `sample`. */
  readonly sample: AddressLocation;
  /** The underlying server, for tests that need socket-level access. */
  readonly server: http.Server;
  /** Stops the server and drops every connection at once (in-flight requests included). */
  close(): Promise<void>;
}

/**
 * Starts a Planviewer Product API simulator on loopback.
 *
 * @example
 * ```ts
 * import { manualClock, startSimulator } from 'planviewer-rx/simulator';
 *
 * const clock = manualClock();
 * const sim = await startSimulator({ clock, seed: 42 });
 * // point the client at sim.url with key 'demo', secret 'demo-secret'
 * clock.advance(60_000);
 * expect(sim.requests.count('jobs/order')).toBe(1);
 * await sim.close();
 * ```
 */
export const startSimulator = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const clock = options.clock ?? realClock();
  const seed = options.seed ?? 1;
  const catalogue = createCatalogue(options.products ?? defaultProducts);
  const accounts = createAccountStore(options.accounts ?? builtInAccounts, clock);
  const jobs = createJobStore(seed, clock);
  const requests = createRequestLog(options.maxLogEntries);
  const faults = createFaults(seed, options.faults);
  const { server, close } = createServer({
    state: {
      clock,
      catalogue,
      accounts,
      jobs,
      documents: createDocumentIndex(),
      results: createResultRenderer(catalogue),
    },
    requests,
    faults,
    maxUrlLength: options.maxUrlLength ?? 8192,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 15_000,
    corsOrigins: options.corsOrigins ?? [],
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep backlog: a benchmark may open thousands of connections at once.
    server.listen({ port: options.port ?? 0, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    apiUrl: origin + API_PREFIX,
    host,
    port,
    corsOrigins: options.corsOrigins ?? [],
    seed,
    clock,
    accounts,
    catalogue,
    jobs,
    requests,
    faults,
    sample: sampleAddress,
    server,
    close,
  };
};
