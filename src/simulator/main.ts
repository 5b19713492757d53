/**
 * `npm run simulator [-- --port N] [--host H] [--speed N] [--seed S] [--cors ORIGIN] [--json] [--verbose]`
 *
 * Starts the simulator and prints its URL and demo credentials. With `--json` the first line on stdout is
 * one JSON object (`{"url","key","secret","sample":{"postcode","huisnummer"}}`) for scripts, and
 * everything meant for humans goes to stderr. Stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { benchAccount, demoAccount, noPaymentAccount, otherAccount } from './accounts';
import { realClock, scaledClock } from './clock';
import { type RequestLogEntry } from './requestLog';
import { type Simulator, startSimulator } from './simulator';

const USAGE = `Usage: npm run simulator -- [options]

  --port N     listen on port N (default: a free port)
  --host H     listen on host H (default: 127.0.0.1)
  --speed N    run the simulated clock N times faster than real time (default: 1)
  --seed S     seed for job uuids, durations and failures (default: 1)
  --cors O     let a browser page at origin O (e.g. http://localhost:4200, or *) call the
               simulator directly; repeat for more origins (default: no CORS)
  --json       print one JSON line with url, key, secret and a sample address first on stdout
  --verbose    print every request on stderr
  --help       show this text`;

/** `--cors` values as origins (`scheme://host[:port]`, or `*`); anything else is a usage error. */
const corsOriginsOf = (values: readonly string[]): string[] =>
  values.map((value) => {
    if (value === '*') return value;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`--cors: not an origin: ${value}`);
    }
    if (url.origin !== value.replace(/\/$/, ''))
      throw new Error(`--cors: not an origin: ${value} (try ${url.origin})`);
    return url.origin;
  });

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      cors: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port: not a port: ${values.port}`);
  if (!Number.isFinite(speed) || speed <= 0)
    throw new Error(`--speed: must be a number > 0, got ${values.speed}`);
  const seed = values.seed === undefined ? 1 : /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  // In --json mode stdout carries exactly the one machine-readable line; people read stderr.
  const human = values.json === true ? console.error : console.log;

  // Listen for signals before starting, so one that arrives during start-up still ends the process cleanly.
  const started: { sim?: Simulator } = {};
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    human(`\n${signal}: stopping the simulator`);
    (started.sim?.close() ?? Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const sim = await startSimulator({
    port,
    host: values.host ?? '127.0.0.1',
    clock: speed === 1 ? realClock() : scaledClock(speed),
    seed,
    corsOrigins: corsOriginsOf(values.cors ?? []),
  });
  started.sim = sim;
  if (values.json === true) {
    process.stdout.write(
      `${JSON.stringify({
        url: sim.url,
        key: demoAccount.key,
        secret: demoAccount.secret,
        sample: { postcode: sim.sample.postcode, huisnummer: sim.sample.huisnummer },
      })}\n`,
    );
  }
  human(
    [
      `Planviewer Product API simulator listening on ${sim.url}  (API: ${sim.apiUrl})`,
      `clock: ${speed === 1 ? 'real time' : `${speed}x real time`}, seed: ${String(seed)}`,
      `CORS: ${sim.corsOrigins.length === 0 ? 'off (--cors ORIGIN lets a browser page call it)' : sim.corsOrigins.join(', ')}`,
      '',
      'Accounts (Basic auth key / secret):',
      `  ${demoAccount.key} / ${demoAccount.secret}            payment on account, cap ${demoAccount.dailyCap} + grace ${demoAccount.grace}`,
      `  ${otherAccount.key} / ${otherAccount.secret}          a second account (403 on demo's jobs)`,
      `  ${noPaymentAccount.key} / ${noPaymentAccount.secret}  no payment on account (402 on order)`,
      `  ${benchAccount.key} / ${benchAccount.secret}          practically no order cap`,
      '',
      `Sample address: ${sim.sample.title} (postcode ${sim.sample.postcode}, huisnummer ${sim.sample.huisnummer})`,
      `Try: curl -u ${demoAccount.key}:${demoAccount.secret} ${sim.apiUrl}/products/list`,
      '',
      'Ctrl-C stops it.',
    ].join('\n'),
  );

  if (values.verbose === true) {
    // Poll the log rather than hook the server: the log is the public, secret-free view of traffic.
    let seen = 0;
    const timer = setInterval(() => {
      const fresh: readonly RequestLogEntry[] = sim.requests.entries().filter((e) => e.seq > seen);
      for (const e of fresh) {
        seen = e.seq;
        console.error(
          `${new Date(e.time).toISOString()} ${e.method} ${e.path}${e.query === '' ? '' : `?${e.query}`}` +
            ` ${e.account ?? `(${e.auth})`} → ${e.status ?? '-'}${e.fault === null ? '' : ` [${e.fault}]`}`,
        );
      }
    }, 250);
    timer.unref();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
