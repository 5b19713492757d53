import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { CliIo } from './CliIo';
import { jobOfError } from './CliRecord';
import { formatBytes, formatDuration, plainLine } from './formatRecord';
import type { Reporter } from './Reporter';

/** What one bar shows; kept so the bars can be drawn again after a question paused them. */
interface BarState {
  label: string;
  value: number;
  total: number;
  status: string;
  eta: string;
}

const FORMAT = '{label} |{bar}| {percentage}% | step {value}/{total} | ETA {etaText} | {status}';
const LABEL_WIDTH = 44;

const fit = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

const payload = (s: BarState): Record<string, string> => ({
  label: fit(s.label, LABEL_WIDTH),
  etaText: s.eta,
  status: s.status,
});

/**
 * On a terminal: one live bar per job in a cli-progress `MultiBar` (product, percentage, step x/y, ETA,
 * status); every other record is logged above the bars, errors included (and copied to stderr when that
 * is redirected). A question stops the bars,
 * asks, and draws them again, because a prompt and a redrawing bar cannot share a terminal line.
 *
 * @example
 * import { processIo } from './CliIo';
 * import { progressBarsReporter } from './progressBarsReporter';
 * declare const job: string;
 * const reporter = progressBarsReporter(processIo());
 * reporter.report({ type: 'event', event: { _tag: 'Progress', job, status: 'in_progress', current: 2, total: 6 } });
 * reporter.close();
 */
export const progressBarsReporter = (io: CliIo): Reporter => {
  const states = new Map<string, BarState>();
  const bars = new Map<string, SingleBar>();
  const newMultiBar = (): MultiBar =>
    new MultiBar(
      {
        format: FORMAT,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        autopadding: true,
        barsize: 24,
        stream: io.stdout as NodeJS.WritableStream,
      },
      Presets.shades_classic,
    );
  let multibar = newMultiBar();
  let running = true;
  // MultiBar.stop() prints a newline every time it is called: stop once. It also drops log lines not yet
  // drawn (they are flushed on the next redraw), so redraw first: the last error must not be lost.
  const stop = (): void => {
    if (running) {
      multibar.update();
      multibar.stop();
    }
    running = false;
  };

  // While a question is on screen, bars must not redraw over it: keep the state, draw it afterwards.
  let asking = false;
  const held: string[] = [];

  const draw = (job: string, s: BarState): void => {
    if (asking) return;
    const bar = bars.get(job);
    if (bar === undefined) {
      bars.set(job, multibar.create(s.total, s.value, payload(s)));
    } else {
      bar.setTotal(s.total);
      bar.update(s.value, payload(s));
    }
  };
  const update = (job: string, label: string | undefined, change: Partial<BarState>): void => {
    const s = states.get(job) ?? {
      label: label ?? `job ${job.slice(0, 8)}`,
      value: 0,
      total: 1,
      status: 'ordered',
      eta: '-',
    };
    Object.assign(s, change);
    states.set(job, s);
    draw(job, s);
  };
  const log = (line: string): void => {
    if (asking) held.push(line);
    else multibar.log(`${line}\n`);
  };

  return {
    report: (r) => {
      switch (r.type) {
        case 'event': {
          const e = r.event;
          switch (e._tag) {
            case 'Ordered':
              update(e.job, r.label, { status: 'ordered' });
              return;
            case 'Progress':
              update(e.job, r.label, {
                value: Math.min(e.current, Math.max(e.total, 1)),
                total: Math.max(e.total, 1),
                status: e.status,
                eta: e.eta === undefined || e.status === 'waiting for user' ? '-' : formatDuration(e.eta),
              });
              return;
            case 'WaitingForUser':
              update(e.job, r.label, { status: 'waiting for user' });
              log(plainLine(r));
              return;
            case 'Downloading':
              update(e.job, r.label, {
                status: `downloading ${formatBytes(e.loaded)}`,
                eta: '0 s',
              });
              return;
            case 'Result':
            case 'Finished': {
              const total = states.get(e.job)?.total ?? 1;
              update(e.job, r.label, { value: total, status: 'done', eta: '0 s' });
              return;
            }
          }
          return;
        }
        case 'saved':
          update(r.job, r.label, { status: `saved ${formatBytes(r.bytes)}` });
          log(plainLine(r));
          return;
        case 'error': {
          const job = jobOfError(r.error);
          if (job !== undefined) update(job, r.label, { status: `FAILED (${r.error._tag})` });
          log(plainLine(r));
          // Errors belong on stderr; when it is the same terminal, writing there would tear the bars, so
          // only a redirected stderr gets its own copy.
          if (io.stderr.isTTY !== true) io.err(plainLine(r));
          return;
        }
        case 'summary':
          stop();
          io.out(plainLine(r));
          return;
        default:
          log(plainLine(r));
      }
    },
    ask: async (question) => {
      stop();
      bars.clear();
      asking = true;
      try {
        return await io.ask(question);
      } finally {
        asking = false;
        multibar = newMultiBar();
        running = true;
        for (const line of held.splice(0)) log(line);
        for (const [job, s] of states) draw(job, s);
      }
    },
    close: stop,
  };
};
