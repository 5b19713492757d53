import { EMPTY, from, mergeMap, of, type Observable } from 'rxjs';
import type { ChooseLocation } from '../jobs/JobsOptions';
import type { WaitingForUser } from '../jobs/JobEvent';
import type { Reporter } from './Reporter';

/**
 * Answers "waiting for user" (KIK products on an address with several lots) for a command run, and keeps
 * track of the jobs nobody could answer, so the run can end instead of polling a job that waits forever.
 *
 * @example
 * import type { Reporter } from './Reporter';
 * import type { Planviewer } from 'planviewer-rx';
 * import { locationChooser } from './locationChooser';
 * declare const reporter: Reporter;
 * declare const intentions: readonly string[];
 * declare const pv: Planviewer;
 * const chooser = locationChooser({ choose: 1, interactive: false, reporter, labelOf: () => undefined });
 * pv.order$(intentions, { onWaitingForUser: chooser.onWaitingForUser });
 */
export interface LocationChooser {
  readonly onWaitingForUser: ChooseLocation;
  /** Jobs left waiting because there was no `--choose` and no person to ask. */
  readonly unanswered: ReadonlySet<string>;
  /** Called after a job joins {@link unanswered}. */
  onUnanswered: () => void;
}

/**
 * How {@link locationChooser} answers.
 *
 * @example
 * import type { Reporter } from './Reporter';
 * import { ChooserOptions } from './locationChooser';
 * declare const reporter: Reporter;
 * const demo: ChooserOptions = { choose: 1, interactive: false, reporter, labelOf: () => undefined, reason: 'chosen by the demo' };
 */
export interface ChooserOptions {
  /** A fixed lot number (`--choose N`, or the demo's choice). */
  readonly choose?: number;
  /** Whether a person can be asked. */
  readonly interactive: boolean;
  readonly reporter: Reporter;
  readonly labelOf: (job: string) => string | undefined;
  /** Says why this answer was given, e.g. "the demo picks the first lot". */
  readonly reason?: string;
}

const question = (w: WaitingForUser, label: string | undefined): string =>
  [
    `${label ?? `Job ${w.job}`} waits for a choice: ${w.message}`,
    ...w.choices.map((c) => `  ${c.index}) ${c.label}`),
    'Lot number (empty: leave it waiting): ',
  ].join('\n');

/**
 * Builds the answer to "waiting for user": `choose` if given (when it is one of the offered lots), else a
 * question to the person at the terminal, else none: the job stays waiting on the server and is listed
 * for `planviewer resume --choose N`.
 *
 * @example
 * import type { CliIo } from './CliIo';
 * import type { Reporter } from './Reporter';
 * import { locationChooser } from './locationChooser';
 * declare const io: CliIo;
 * declare const labelOf: (intention: string) => string;
 * declare const reporter: Reporter;
 * const chooser = locationChooser({ interactive: io.interactive, reporter, labelOf });
 */
export const locationChooser = (options: ChooserOptions): LocationChooser => {
  const unanswered = new Set<string>();
  const chooser: LocationChooser = {
    unanswered,
    onUnanswered: () => undefined,
    // The jobs layer asks only after WaitingForUser has gone out, so "waiting …" precedes "answered …".
    onWaitingForUser: (w) => answerOrLeave(w),
  };
  const answerOrLeave = (w: WaitingForUser): Observable<number> => {
    const label = options.labelOf(w.job);
    const answer = (index: number) => {
      const choice = w.choices.find((c) => c.index === index);
      options.reporter.report({
        type: 'answered',
        job: w.job,
        index,
        choice: `${choice?.label ?? '?'}${options.reason === undefined ? '' : ` (${options.reason})`}`,
        ...(label === undefined ? {} : { label }),
      });
      return index;
    };
    const leave = () => {
      unanswered.add(w.job);
      chooser.onUnanswered();
      return EMPTY;
    };
    if (options.choose !== undefined) {
      if (w.choices.some((c) => c.index === options.choose)) return of(answer(options.choose));
      options.reporter.report({
        type: 'note',
        text: `${label ?? w.job}: lot ${options.choose} is not one of the choices; leaving it waiting`,
      });
      return leave();
    }
    if (!options.interactive) return leave();
    return from(options.reporter.ask(question(w, label))).pipe(
      mergeMap((text) => {
        const n = Number(text.trim());
        return text.trim() !== '' && w.choices.some((c) => c.index === n) ? of(answer(n)) : leave();
      }),
    );
  };
  return chooser;
};
