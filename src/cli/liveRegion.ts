import type { OutputStream } from './CliIo';

const ESC = '\u001b[';
const HIDE_CURSOR = `${ESC}?25l`;
const SHOW_CURSOR = `${ESC}?25h`;
/** Back to column 1 of the region's first row (`up` rows higher), and erase everything from there down. */
const eraseUp = (up: number): string => `${up > 0 ? `${ESC}${up}A` : ''}\r${ESC}J`;

/** Redraws closer together than this are merged into one (a download reports every chunk). */
const MIN_REDRAW_MS = 40;

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/**
 * Makes text safe to put on a terminal: C0 and C1 control characters (ESC above all, which a hostile
 * server could put in a title to move the cursor or rewrite the screen) become `?`. Line breaks are kept
 * only where asked.
 *
 * @example
 * import { printable } from './liveRegion';
 * printable('Kerkweg\u001b[2J 8'); // 'Kerkweg?[2J 8'
 */
export const printable = (text: string, keepNewlines = false): string =>
  text.replace(keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, '?');

/** Columns a code point takes on a terminal: 0 for combining marks, 2 for East Asian wide and emoji. */
const cellWidth = (ch: string): number => {
  if (/\p{M}/u.test(ch)) return 0;
  const cp = ch.codePointAt(0) ?? 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
};

/** Columns a text takes on a terminal. */
const textWidth = (text: string): number => [...text].reduce((n, c) => n + cellWidth(c), 0);

/**
 * Cuts text to at most `width` terminal columns (an ellipsis marks the cut), so that it never wraps: a
 * row that wrapped would take two lines, and the cursor movement that redraws the region would miss one.
 *
 * @example
 * import { fitWidth } from './liveRegion';
 * fitWidth('bestemmingsplanrapport @ Voorbeeldstraat 2', 12); // 'bestemmings…'
 */
export const fitWidth = (text: string, width: number): string => {
  if (textWidth(text) <= width) return text;
  const chars = [...text];
  let used = 0;
  let out = '';
  for (const ch of chars) {
    const w = cellWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
};

/**
 * A block of live rows at the bottom of a terminal (one per job), redrawn in place: every redraw moves
 * the cursor back to the block's first row, erases to the end of the screen and writes the rows again,
 * so a row is never left behind as a stale copy. Anything else meant for the same terminal is written
 * through {@link LiveRegion.above}, which erases the rows, lets the text scroll up, and draws the rows
 * again below it.
 *
 * @example
 * import { liveRegion } from './liveRegion';
 * const region = liveRegion(process.stderr);
 * region.set('job-1', 'percelenrapport  30%');
 * region.above(() => process.stdout.write('saved out/a.pdf\n'));
 * region.close();
 */
export interface LiveRegion {
  /**
   * Adds the row `id`, or replaces its text; rows keep the order in which they were added. A function is
   * called with the columns available at each redraw, so a row can lay itself out for the terminal's width.
   */
  set(id: string, text: RowText): void;
  /** Writes other output above the rows (`write` must end its text with a line break). */
  above(write: () => void): void;
  /** Erases the rows and stops drawing (while a question is asked); {@link resume} draws them again. */
  pause(): void;
  resume(): void;
  /** Draws the rows a last time, leaves them on screen and gives the cursor back. Idempotent. */
  close(): void;
}

/**
 * A row's text, or a function that lays the row out for the columns available.
 *
 * @example
 * import type { RowText } from './liveRegion';
 * const row: RowText = (columns) => (columns < 60 ? '50%' : 'percelenrapport @ Voorbeeldstraat 2  50%');
 */
export type RowText = string | ((columns: number) => string);

/**
 * Options of {@link liveRegion}; the defaults are for a real process.
 *
 * @example
 * import type { LiveRegionOptions } from './liveRegion';
 * const options: LiveRegionOptions = { now: () => 0 };
 */
export interface LiveRegionOptions {
  /** The clock that merges close redraws. */
  readonly now?: () => number;
}

/**
 * A {@link LiveRegion} on a terminal stream, sized to its `columns` and `rows` at every redraw. Hides the
 * cursor while the rows are live and shows it again on {@link LiveRegion.close}, or when the process
 * exits without closing (a `process.exit` anywhere).
 *
 * @example
 * import { liveRegion } from './liveRegion';
 * const region = liveRegion(process.stderr);
 */
export const liveRegion = (stream: OutputStream, options: LiveRegionOptions = {}): LiveRegion => {
  const now = options.now ?? Date.now;
  const rows = new Map<string, RowText>();
  /** The width in columns of each row on screen now (the cursor is on the line below them). */
  let drawn: number[] = [];
  let cursorHidden = false;
  let paused = false;
  let closed = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const restoreCursor = (): void => {
    if (cursorHidden) stream.write(SHOW_CURSOR);
    cursorHidden = false;
  };

  const layout = (): string[] => {
    const width = Math.max(10, (stream.columns ?? 80) - 1);
    // Leave a line for the cursor and one of context: the cursor cannot move up into the scrollback.
    const height = Math.max(2, (stream.rows ?? 24) - 2);
    const all = [...rows.values()].map((r) => (typeof r === 'string' ? r : r(width)));
    const shown =
      all.length <= height ? all : [...all.slice(0, height - 1), `… and ${all.length - (height - 1)} more`];
    return shown.map((r) => fitWidth(printable(r), width));
  };

  const erase = (): string => {
    // A terminal made narrower since the last draw has wrapped (reflowed) each row over several lines.
    const columns = Math.max(1, stream.columns ?? 80);
    const lines = drawn.reduce((n, width) => n + Math.max(1, Math.ceil(width / columns)), 0);
    const text = lines > 0 ? eraseUp(lines) : '';
    drawn = [];
    return text;
  };

  const draw = (): void => {
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
    if (paused || rows.size === 0) return;
    const lines = layout();
    let text = erase();
    if (!cursorHidden) {
      text = HIDE_CURSOR + text;
      cursorHidden = true;
      process.once('exit', restoreCursor);
    }
    stream.write(`${text}${lines.map((l) => `${l}\n`).join('')}`);
    drawn = lines.map(textWidth);
    lastDraw = now();
  };

  const scheduleDraw = (): void => {
    if (closed || paused) return;
    const wait = lastDraw + MIN_REDRAW_MS - now();
    if (wait <= 0) draw();
    else if (pending === undefined) {
      pending = setTimeout(draw, wait);
      pending.unref?.();
    }
  };

  return {
    set: (id, text) => {
      if (rows.get(id) === text) return;
      rows.set(id, text);
      scheduleDraw();
    },
    above: (write) => {
      if (closed || paused) {
        write();
        return;
      }
      const text = erase();
      if (text !== '') stream.write(text);
      write();
      draw();
    },
    pause: () => {
      if (closed || paused) return;
      if (pending !== undefined) clearTimeout(pending);
      pending = undefined;
      const text = erase();
      stream.write(text);
      restoreCursor();
      process.off('exit', restoreCursor);
      paused = true;
    },
    resume: () => {
      if (closed || !paused) return;
      paused = false;
      draw();
    },
    close: () => {
      if (closed) return;
      paused = false;
      draw();
      closed = true;
      restoreCursor();
      process.off('exit', restoreCursor);
    },
  };
};
