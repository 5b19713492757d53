/**
 * `npm start`: the demo. Starts the simulator in this process (free loopback port, scaled clock), looks
 * up a few built-in addresses, orders a mix of products in ONE order (a KIK product at Kerkweg 8 among
 * them, which waits for a choice the demo makes), shows live bars (plain lines without a terminal),
 * saves the results in ./out through the same code as `planviewer order` (ledger included), prints a
 * summary and exits.
 *
 * Options: `--out DIR` (default ./out), `--speed N` (simulated clock speed, default 5).
 */
import * as E from 'fp-ts/lib/Either.js';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createPlanviewer, type Planviewer } from '../client/createPlanviewer';
import { addressSearch, type AddressInput } from '../endpoints/locationQuery';
import { describeError } from '../errors/describeError';
import { demoAccount, scaledClock, startSimulator, type Simulator } from '../simulator';
import { processIo, type CliIo } from './CliIo';
import { ExitCode } from './exitCodes';
import { displayPath, formatDuration } from './formatRecord';
import { Ledger } from './Ledger';
import { locationChooser } from './locationChooser';
import { placeOrder } from './placeOrder';
import { pollingForSpeed } from './pollingForSpeed';
import { createReporter } from './Reporter';

/** What the demo orders: products at built-in simulator addresses. */
const SHOPPING_LIST: ReadonlyArray<{ readonly address: AddressInput; readonly products: readonly string[] }> =
  [
    {
      address: { postcode: '1234AB', huisnummer: 2 },
      products: ['bestemmingsplanrapport', 'percelenrapport'],
    },
    // Two lots under one address: the KIK product stops at "waiting for user" until a lot is chosen.
    { address: { postcode: '1234AC', huisnummer: 8 }, products: ['eigendomsinformatie'] },
    { address: { postcode: '2345CD', huisnummer: 12, huisletter: 'B' }, products: ['vraagprijsrapport'] },
    {
      address: { postcode: '3456EF', huisnummer: 5, huisnummertoevoeging: '3' },
      products: ['uittreksel-kadastrale-kaart'],
    },
  ];

/** The street part of a location title: `Voorbeeldstraat 2, 1234AB Plaats` → `Voorbeeldstraat 2`. */
const shortTitle = (title: string): string => title.split(',')[0] ?? title;

/** Finds each address and its intentions with the client's one-shot calls, as a user's code would. */
const shoppingIntentions = async (
  pv: Planviewer,
): Promise<E.Either<string, ReadonlyArray<{ readonly intention: string; readonly label: string }>>> => {
  const found: Array<{ intention: string; label: string }> = [];
  for (const { address, products } of SHOPPING_LIST) {
    const search = addressSearch(address);
    if (E.isLeft(search)) return E.left(describeError(search.left));
    const locations = await pv.searchLocations(search.right)();
    if (E.isLeft(locations)) return E.left(describeError(locations.left));
    const location = locations.right[0];
    if (location === undefined) return E.left(`no location for ${JSON.stringify(address)}`);
    const intentions = await pv.intentions([location.uuid], products)();
    if (E.isLeft(intentions)) return E.left(describeError(intentions.left));
    for (const product of products) {
      const intention = intentions.right.flatMap((l) => l.intentions).find((i) => i.product === product);
      if (intention === undefined) return E.left(`${product} is not orderable at ${location.title}`);
      found.push({ intention: intention.uuid, label: `${product} @ ${shortTitle(location.title)}` });
    }
  }
  return E.right(found);
};

const runDemo = async (io: CliIo, sim: Simulator, outDir: string, speed: number): Promise<number> => {
  const started = Date.now();
  const reporter = createReporter(io, { json: false });
  // Ctrl-C: give the terminal back (the bars hide the cursor); the ledger in --out has every job so far.
  const interrupted = (): void => {
    reporter.close();
    io.err(
      '\nInterrupted. Every job ordered so far is in the ledger: `planviewer resume --out <dir>` picks them up.',
    );
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const pv = createPlanviewer({
      credentials: { key: demoAccount.key, secret: demoAccount.secret },
      baseUrl: sim.url,
      polling: pollingForSpeed(speed),
    });
    reporter.report({
      type: 'note',
      text:
        `planviewer-rx demo: a local Planviewer simulator at ${sim.url}, its clock ${speed}x real time ` +
        '(nothing is billed). Results and the ledger go to ' +
        `${displayPath(outDir, io.cwd)}${path.sep}`,
    });
    const shopping = await shoppingIntentions(pv);
    if (E.isLeft(shopping)) {
      io.err(`demo: ${shopping.left}`);
      return ExitCode.defect;
    }
    const labels = new Map(shopping.right.map((s) => [s.intention, s.label]));
    reporter.report({
      type: 'note',
      text: `Ordering ${shopping.right.length} products in one order:\n${shopping.right.map((s) => `  ${s.label}`).join('\n')}`,
    });
    reporter.report({
      type: 'note',
      text:
        'Kerkweg 8 lies on two lots: eigendomsinformatie will wait for the user to choose one. ' +
        'The demo answers that question itself (lot 1), through onWaitingForUser.',
    });
    const summary = await placeOrder(
      pv,
      { intentions: shopping.right.map((s) => s.intention) },
      {
        ledger: new Ledger(outDir),
        outDir,
        force: false,
        reporter,
        labels,
        chooser: locationChooser({
          choose: 1,
          interactive: false,
          reporter,
          labelOf: (job) => labels.get(job),
          reason: 'chosen by the demo',
        }),
      },
      'demo',
    );
    const statusRequests = sim.requests.count('jobs/status');
    reporter.report({
      type: 'summary',
      summary: {
        ...summary,
        extra: {
          'order requests (POST jobs/order)': sim.requests.count('jobs/order'),
          'status requests (GET jobs/status)': `${statusRequests} for ${summary.jobs} jobs (${(statusRequests / Math.max(summary.jobs, 1)).toFixed(1)} per job)`,
          'all requests to the simulator': sim.requests.count(),
          'wall time': formatDuration(Date.now() - started),
        },
      },
    });
    return summary.exitCode;
  } finally {
    process.off('SIGINT', interrupted);
    reporter.close();
  }
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, speed: { type: 'string' } },
    strict: true,
  });
  const speed = values.speed === undefined ? 5 : Number(values.speed);
  if (!(Number.isFinite(speed) && speed > 0)) throw new Error(`--speed: expected a number above 0`);
  const io = processIo();
  const outDir = path.resolve(io.cwd, values.out ?? 'out');
  const sim = await startSimulator({ clock: scaledClock(speed) });
  try {
    return await runDemo(io, sim, outDir, speed);
  } finally {
    await sim.close();
  }
};

main().then(
  (code) => process.exit(code),
  (defect: unknown) => {
    console.error(defect);
    process.exit(ExitCode.defect);
  },
);
