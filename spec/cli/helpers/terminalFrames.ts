import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether tmux can be started here. */
export const tmuxVersion = (): string | undefined => {
  const found = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
};

/** What a command showed in a real terminal: the pane's text every `everyMs`, and how it exited. */
export interface TerminalRecording {
  readonly frames: readonly string[];
  readonly exitCode: number;
}

const EXIT_MARK = '__PLANVIEWER_EXIT__';

/**
 * Runs a shell command in a detached tmux session of `columns`×`rows` on a private tmux server (its own
 * socket, killed afterwards, so no other tmux user is touched) and captures the visible pane every
 * `everyMs` until the command has exited, or fails after `timeoutMs`.
 */
export const recordInTmux = async (
  command: string,
  options: {
    readonly cwd: string;
    readonly columns: number;
    readonly rows: number;
    readonly everyMs: number;
    readonly timeoutMs: number;
  },
): Promise<TerminalRecording> => {
  const socket = `planviewer-spec-${process.pid}-${Date.now()}`;
  const tmux = (...args: string[]) =>
    run('tmux', ['-L', socket, ...args], {
      cwd: options.cwd,
      env: { ...process.env, TERM: 'xterm-256color' },
      encoding: 'utf8',
    });
  // The shell stays a moment after the command so the last frame can be captured.
  await tmux(
    'new-session',
    '-d',
    '-s',
    'bars',
    '-x',
    String(options.columns),
    '-y',
    String(options.rows),
    `${command}; echo ${EXIT_MARK}$?; sleep 30`,
  );
  const frames: string[] = [];
  try {
    const until = Date.now() + options.timeoutMs;
    for (;;) {
      const { stdout } = await tmux('capture-pane', '-p', '-t', 'bars');
      const mark = new RegExp(`${EXIT_MARK}(\\d+)`).exec(stdout);
      frames.push(stdout.replace(new RegExp(`${EXIT_MARK}\\d+\\n?`), ''));
      if (mark !== null) return { frames, exitCode: Number(mark[1]) };
      if (Date.now() > until)
        throw new Error(`the command did not end within ${options.timeoutMs} ms; last frame:\n${stdout}`);
      await new Promise((r) => setTimeout(r, options.everyMs));
    }
  } finally {
    await tmux('kill-server').catch(() => undefined);
  }
};

/** A bar line of progressBarsReporter: `label |███░░░| 50% | step 3/6 | …`. */
const BAR = /^(.*?)\s*\|[█░]+\|\s+(\d+)%/;

/** One frame read as a person would: which lines are bars, and what comes after them. */
export interface FrameReading {
  /** label → how many bar lines show it. */
  readonly barsPerLabel: ReadonlyMap<string, number>;
  /** label → the percentage its (last) bar line shows. */
  readonly percentOf: ReadonlyMap<string, number>;
  /** Bar lines that are not in one block: a bar left behind above a log line. */
  readonly strayBars: number;
  /** Non-empty lines below the block of bars. */
  readonly linesBelowBars: readonly string[];
}

/** Reads the bars of one captured frame. */
export const readFrame = (frame: string): FrameReading => {
  const lines = frame.split('\n');
  const isBar = lines.map((l) => BAR.test(l));
  const last = isBar.lastIndexOf(true);
  let first = last;
  while (first > 0 && isBar[first - 1] === true) first--;
  const barsPerLabel = new Map<string, number>();
  const percentOf = new Map<string, number>();
  lines.forEach((line, i) => {
    const m = BAR.exec(line);
    if (m === null || !isBar[i]) return;
    const label = m[1]!.trim();
    barsPerLabel.set(label, (barsPerLabel.get(label) ?? 0) + 1);
    percentOf.set(label, Number(m[2]));
  });
  return {
    barsPerLabel,
    percentOf,
    strayBars: last < 0 ? 0 : isBar.slice(0, first).filter(Boolean).length,
    linesBelowBars: last < 0 ? [] : lines.slice(last + 1).filter((l) => l.trim() !== ''),
  };
};
