import type { CliIo } from './CliIo';
import type { CliRecord } from './CliRecord';
import { jobOfError } from './CliRecord';
import { isStillRunning } from './cliErrors';
import { formatBytes, formatDuration } from './formatRecord';
import { liveRegion, printable, type LiveRegion } from './liveRegion';
import { plainReporter } from './plainReporter';
import type { Reporter } from './Reporter';

/** What one bar shows. */
interface BarState {
  label: string;
  value: number;
  total: number;
  status: string;
  eta: string;
}

const LABEL_WIDTH = 44;
const BAR_WIDTH = 24;

const pad = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/**
 * One bar as text for a terminal `columns` wide: label, bar, percentage, step x/y, ETA, status. On a
 * narrow terminal the label and the bar give up room first, so the status (the most telling part) stays.
 *
 * @example
 * barLine({ label: 'percelenrapport @ Voorbeeldstraat 2', value: 7, total: 10, status: 'in_progress', eta: '4 s' }, 159);
 * // 'percelenrapport @ Voorbeeldstraat 2          |█████████████████░░░░░░░|  70% | step 7/10 | ETA 4 s | in_progress'
 */
export const barLine = (s: BarState, columns = 159): string => {
  const ratio = s.total > 0 ? Math.min(1, Math.max(0, s.value / s.total)) : 0;
  const figures = `${`${Math.round(ratio * 100)}%`.padStart(4)} | step ${s.value}/${s.total} | ETA ${s.eta} | ${s.status}`;
  const spare = columns - figures.length - 4; // the label's space, the bar's two `|` and the space after it
  const barWidth = Math.max(8, Math.min(BAR_WIDTH, spare - LABEL_WIDTH));
  const labelWidth = Math.max(12, Math.min(LABEL_WIDTH, spare - barWidth));
  const filled = Math.round(ratio * barWidth);
  return `${pad(s.label, labelWidth)} |${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}| ${figures}`;
};

/**
 * Records that only move a bar: on a terminal the bar shows them, no line is needed. `Ordered` gets its
 * line (the full job uuid, the one thing a person needs to find a paid job again), and so does a question.
 */
const onlyMovesABar = (r: CliRecord): boolean =>
  r.type === 'event' && r.event._tag !== 'WaitingForUser' && r.event._tag !== 'Ordered';

/**
 * On a terminal: one live bar per job on stderr (label, percentage, step x/y, ETA, status), redrawn in
 * place by a {@link liveRegion}. Every other record is a line written above the bars, on stdout (errors on
 * stderr), so a line never leaves a copy of a bar behind and each job keeps exactly one bar, at its
 * latest state. stdout stays data: when it is not the terminal (`> log.txt`) it gets every line that
 * {@link plainReporter} would write, progress included. A question erases the bars and draws them again
 * once answered, because a prompt and a redrawing bar cannot share a terminal line.
 *
 * @example
 * const reporter = progressBarsReporter(processIo());
 * reporter.report({ type: 'event', event: { _tag: 'Progress', job, status: 'in_progress', current: 2, total: 6 } });
 * reporter.close();
 */
export const progressBarsReporter = (io: CliIo, region: LiveRegion = liveRegion(io.stderr)): Reporter => {
  const states = new Map<string, BarState>();
  const stdoutIsTerminal = io.stdout.isTTY === true;
  const lines = plainReporter({
    ...io,
    out: (line) => io.out(printable(line, true)),
    err: (line) => io.err(printable(line, true)),
  });

  // While a question is on screen nothing may be written under it: lines wait, bars are kept as state.
  let asking = false;
  const held: CliRecord[] = [];
  const writeLine = (r: CliRecord): void => {
    if (stdoutIsTerminal && onlyMovesABar(r)) return;
    if (asking) held.push(r);
    else region.above(() => lines.report(r));
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
    region.set(job, (columns) => barLine(s, columns));
  };

  const moveBar = (r: CliRecord): void => {
    switch (r.type) {
      case 'event': {
        const e = r.event;
        switch (e._tag) {
          case 'Ordered':
            return update(e.job, r.label, { status: 'ordered' });
          case 'Progress':
            return update(e.job, r.label, {
              value: Math.min(Math.max(e.current, 0), Math.max(e.total, 1)),
              total: Math.max(e.total, 1),
              status: e.status,
              eta: e.eta === undefined || e.status === 'waiting for user' ? '-' : formatDuration(e.eta),
            });
          case 'WaitingForUser':
            return update(e.job, r.label, { status: 'waiting for user' });
          case 'Downloading':
            return update(e.job, r.label, { status: `downloading ${formatBytes(e.loaded)}`, eta: '0 s' });
          case 'Result':
          case 'Finished': {
            const total = states.get(e.job)?.total ?? 1;
            return update(e.job, r.label, { value: total, status: 'done', eta: '0 s' });
          }
        }
        return;
      }
      case 'saved':
        return update(r.job, r.label, { status: `saved ${formatBytes(r.bytes)}` });
      case 'error': {
        const job = jobOfError(r.error);
        if (job === undefined) return;
        return update(job, r.label, {
          status: isStillRunning(r.error) ? 'still running on the server' : `FAILED (${r.error._tag})`,
          eta: '-',
        });
      }
      default:
        return;
    }
  };

  return {
    report: (r) => {
      if (r.type === 'summary') {
        // The bars' last state stays on screen, one per job; the summary goes under them.
        region.close();
        lines.report(r);
        return;
      }
      moveBar(r);
      writeLine(r);
    },
    ask: async (question) => {
      region.pause();
      asking = true;
      try {
        return await io.ask(question);
      } finally {
        asking = false;
        region.resume();
        for (const r of held.splice(0)) writeLine(r);
      }
    },
    close: () => region.close(),
  };
};
