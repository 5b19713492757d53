import * as path from 'node:path';
import type { PlanviewerError } from '../errors/PlanviewerError';
import type { JobEvent } from '../jobs/JobEvent';
import { describeForCli, isStillRunning } from './cliErrors';
import { jobOfError, type CliRecord, type RunSummary } from './CliRecord';
import { exitCodeOf } from './exitCodes';

/**
 * A byte count for people: `812 B`, `20.1 KB`, `3.4 MB`.
 *
 * @example
 * formatBytes(20_582); // '20.1 KB'
 */
export const formatBytes = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * A duration for people, rounded: `800 ms`, `4 s`, `2 min 5 s`.
 *
 * @example
 * formatDuration(125_000); // '2 min 5 s'
 */
export const formatDuration = (ms: number): string => {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 === 0 ? '' : ` ${s % 60} s`}`;
};

/**
 * A path for people: relative to the working folder when inside it (`out/a.pdf`), else absolute.
 *
 * @example
 * displayPath(path.join(process.cwd(), 'out', 'a.pdf')); // 'out/a.pdf'
 */
export const displayPath = (file: string, cwd: string = process.cwd()): string => {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
};

const WAITING = 'waiting for user';

const percent = (current: number, total: number): string =>
  total > 0 ? `${Math.round((100 * Math.min(current, total)) / total)}%` : '0%';

/** The short name of a job in a line: its label, else the start of its uuid. */
const who = (job: string, label: string | undefined): string => label ?? `job ${job.slice(0, 8)}`;

const eventText = (e: JobEvent): string => {
  switch (e._tag) {
    case 'Ordered':
      return `ordered: job ${e.job} (intention ${e.intention})`;
    case 'Progress':
      // An ETA means nothing while the job waits for a person.
      return `${e.status} step ${e.current}/${e.total} (${percent(e.current, e.total)})${
        e.eta === undefined || e.status === WAITING ? '' : `, ETA ${formatDuration(e.eta)}`
      }`;
    case 'WaitingForUser':
      return `waiting for user: "${e.message}" ${e.choices.map((c) => `[${c.index}] ${c.label}`).join('; ')}`;
    case 'Downloading':
      return e.loaded === 0
        ? `downloading${e.total === undefined ? '' : ` ${formatBytes(e.total)}`}`
        : `downloading ${formatBytes(e.loaded)}${e.total === undefined ? '' : ` of ${formatBytes(e.total)}`}`;
    case 'Result':
      return `downloaded ${e.file.filename ?? '(no file name)'} (${e.file.contentType ?? 'unknown type'}, ${formatBytes(e.file.size)})`;
    case 'Finished':
      return 'finished (not downloaded)';
  }
};

const summaryLines = (s: RunSummary): string[] => {
  const lines = [
    `Summary: ${s.jobs} job${s.jobs === 1 ? '' : 's'}, ${s.files.length} file${s.files.length === 1 ? '' : 's'} saved (${formatBytes(s.bytes)})` +
      (s.failed.length === 0 ? '' : `, ${s.failed.length} failed`) +
      (s.waiting.length === 0 ? '' : `, ${s.waiting.length} waiting for a choice`) +
      (s.running.length === 0 ? '' : `, ${s.running.length} still running`) +
      `, exit code ${s.exitCode}`,
    ...s.files.map((f) => `  ${displayPath(f.file)}  ${formatBytes(f.bytes)}`),
    ...s.failed.map((f) => `  failed: ${f.job ?? 'order'} ${f.error}`),
    ...s.waiting.map((j) => `  waiting for a choice: ${j} (run: planviewer resume --choose N)`),
    ...s.running.map((j) => `  still running on the server: ${j} (run: planviewer resume)`),
    ...Object.entries(s.extra ?? {}).map(([k, v]) => `  ${k}: ${v}`),
  ];
  return lines;
};

/**
 * One record as text for people (one line, the summary excepted). Never contains a credential: errors
 * go through `describeError` ({@link describeForCli}).
 *
 * @example
 * plainLine({ type: 'event', label: 'bestemmingsplanrapport @ Voorbeeldstraat 2',
 *   event: { _tag: 'Progress', job: 'j', status: 'in_progress', current: 3, total: 6 } });
 * // 'bestemmingsplanrapport @ Voorbeeldstraat 2: in_progress step 3/6 (50%)'
 */
export const plainLine = (r: CliRecord): string => {
  switch (r.type) {
    case 'event':
      return `${who(r.event.job, r.label)}: ${eventText(r.event)}`;
    case 'error': {
      const job = jobOfError(r.error);
      if (job !== undefined)
        return `${who(job, r.label)}: ${isStillRunning(r.error) ? '' : 'FAILED '}${describeForCli(r.error)}`;
      // A one-shot command failed as a whole: say which, and no "FAILED" (there was nothing to fail but it).
      if (r.command !== undefined) return `planviewer ${r.command}: ${describeForCli(r.error)}`;
      return `${r.label ?? 'order'}: FAILED ${describeForCli(r.error)}`;
    }
    case 'saved':
      return `${who(r.job, r.label)}: saved ${displayPath(r.file)} (${formatBytes(r.bytes)})`;
    case 'answered':
      return `${who(r.job, r.label)}: answered "waiting for user" with lot ${r.index}: ${r.choice}`;
    case 'needs-check':
      return (
        `NEEDS A MANUAL CHECK: order ${r.order} of ${r.intentions.join(', ')}: ${r.reason}. ` +
        'It was not re-sent. Look in the Planviewer dashboard whether it was placed before ordering again.'
      );
    case 'note':
      return r.text;
    case 'summary':
      return summaryLines(r.summary).join('\n');
  }
};

const errorJson = (e: PlanviewerError): Record<string, unknown> => ({
  tag: e._tag,
  ...('job' in e && e.job !== undefined ? { job: e.job } : {}),
  ...('intentions' in e ? { intentions: e.intentions } : {}),
  exitCode: exitCodeOf(e),
  message: describeForCli(e),
});

const eventJson = (e: JobEvent): Record<string, unknown> =>
  e._tag === 'Result'
    ? {
        tag: e._tag,
        job: e.job,
        ...(e.intention === undefined ? {} : { intention: e.intention }),
        filename: e.file.filename,
        contentType: e.file.contentType,
        size: e.file.size,
      }
    : { tag: e._tag, ...e, _tag: undefined };

/**
 * One record as a JSON object for `--json` (one per line): `{"type":"event","tag":"Progress",…}`,
 * `{"type":"error","tag":"JobFailed","exitCode":6,"message":…}`, `{"type":"saved",…}`,
 * `{"type":"summary",…}`. A `Result` carries the file's name, type and size, not its bytes; an error its
 * tag, uuids, exit code and `describeError` text, never a response body or a credential.
 *
 * @example
 * JSON.parse(jsonLine({ type: 'note', text: 'hi' })); // { type: 'note', text: 'hi' }
 */
export const jsonLine = (r: CliRecord): string => {
  switch (r.type) {
    case 'event':
      return JSON.stringify({
        type: 'event',
        ...eventJson(r.event),
        ...(r.label === undefined ? {} : { label: r.label }),
      });
    case 'error':
      return JSON.stringify({
        type: 'error',
        ...errorJson(r.error),
        ...(r.label === undefined ? {} : { label: r.label }),
        ...(r.command === undefined ? {} : { command: r.command }),
      });
    case 'summary':
      return JSON.stringify({ type: 'summary', ...r.summary });
    default:
      return JSON.stringify(r);
  }
};
