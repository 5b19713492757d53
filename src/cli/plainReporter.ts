import type { CliIo } from './CliIo';
import { plainLine } from './formatRecord';
import type { Reporter } from './Reporter';

/**
 * No terminal: one plain line per change on stdout (errors on stderr). Download progress is reported
 * once per job, not per chunk, so a log stays readable.
 *
 * @example
 * plainReporter(io).report({ type: 'note', text: 'hi' }); // stdout: hi
 */
export const plainReporter = (io: CliIo): Reporter => {
  const downloading = new Set<string>();
  return {
    report: (r) => {
      if (r.type === 'event' && r.event._tag === 'Downloading') {
        if (downloading.has(r.event.job)) return;
        downloading.add(r.event.job);
      }
      if (r.type === 'error') io.err(plainLine(r));
      else io.out(plainLine(r));
    },
    ask: (q) => io.ask(q),
    close: () => undefined,
  };
};
