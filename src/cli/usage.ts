import type { CommandName } from './cliArgs';

const COMMON = `Common options:
  --base-url URL   Product API origin (default https://www.planviewer.nl)
  --out DIR, -o    folder for result files and the ledger (default ./out)
  --json           one JSON object per line on stdout (events, results, summary)
  --force          replace existing result files instead of adding -1, -2, …
  --sim-speed N    the simulator runs N× faster: poll N× more often (tests, demo)
  --help, -h       this help

Credentials come from PLANVIEWER_KEY and PLANVIEWER_SECRET; they are never printed.`;

const FOLLOW = `  --choose N       answer every "waiting for user" job with lot N (otherwise: ask on a
                   terminal; without one the job is left waiting for \`resume --choose N\`)
  --deadline S     stop following a job after S seconds (it goes on; \`resume\` picks it up; exit 9)`;

const TOP = `planviewer: order and download Planviewer products (zoning reports, cadastral extracts)

Usage: planviewer <command> [options]

Commands:
  products                                   list the products this account can order
  search <postcode> <huisnummer>             find an address (location uuids)
  intentions <location…> --product <slug…>   what can be ordered there (intention uuids)
  order <intention…>                         order (costs money!), follow, download
  status <job…>                              the status of jobs
  download <job…>                            follow jobs until finished, save their results
  resume                                     finish everything the ledger says is not done

Run \`planviewer <command> --help\` for its options. \`planviewer --version\` prints the version.

${COMMON}

Exit codes: 0 ok, 1 defect, 2 usage (or order refused without --yes), 3 credentials (401/403),
4 no payment on account (402), 5 daily order cap (429), 6 some jobs failed, 7 order outcome unknown,
8 Product API unreachable or answering wrongly (nothing ordered; try again), 9 jobs still running at
--deadline (\`planviewer resume\` finishes them).`;

const COMMANDS: Record<CommandName, string> = {
  products: `Usage: planviewer products [options]

Lists the slug and name of every product this account can order.`,
  search: `Usage: planviewer search <postcode> <huisnummer> [--huisletter X] [--toevoeging Y] [options]

Finds an address and prints its location uuid (for \`intentions\`).
  --huisletter X   house letter, e.g. B in 12B
  --toevoeging Y   house number addition, e.g. 3 in 5-3`,
  intentions: `Usage: planviewer intentions <location…> --product <slug> [--product <slug>…] [options]

Lists what can be ordered for the locations (from \`search\`) and products (from \`products\`):
one intention uuid per orderable variant, to pass to \`order\`.
  --product, -p    a product slug; repeat for more`,
  order: `Usage: planviewer order <intention…> [--yes] [options]

Orders the intentions in ONE request (never re-sent), follows every job, saves each result in --out.
Every order costs money: without --yes it asks on a terminal and refuses elsewhere (exit 2).
Before the request it writes the intentions to the ledger, right after it the job uuids, so
\`planviewer resume\` can finish the work after a crash.
  --yes, -y        order without asking
  --location L     the location (from \`search\`) the intentions belong to; repeatable. The intentions
                   are looked up there first, so the question and the bars name each product, and an
                   intention that is not orderable there stops the order before anything is sent
  --max-orders-per-day N
                   refuse (exit 5, nothing sent) an order that would take the products ordered
                   today (Europe/Amsterdam day, as the server's cap), counted in the ledger, past N
${FOLLOW}`,
  status: `Usage: planviewer status <job…> [options]

Prints the status and progress of the jobs (one request).`,
  download: `Usage: planviewer download <job…> [options]

Follows the jobs until they finish (never orders) and saves their results in --out.
${FOLLOW}`,
  resume: `Usage: planviewer resume [options]

Reads the ledger in --out and follows every ordered job whose result is not saved yet, then saves
it. Orders whose outcome is unknown are listed for a manual check (exit 7): they are never re-sent.
${FOLLOW}`,
};

/**
 * The help text of `planviewer`, or of one of its commands.
 *
 * @example
 * import { helpText } from './usage';
 * helpText('order').startsWith('Usage: planviewer order'); // true
 */
export const helpText = (topic?: CommandName): string =>
  topic === undefined ? TOP : `${COMMANDS[topic]}\n\n${COMMON}`;
