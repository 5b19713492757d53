import { secretMasker, type CliIo } from '../../../src/cli/CliIo';

/** A {@link CliIo} that keeps everything written, for in-process runs of `runCli`. */
export interface Captured extends CliIo {
  readonly stdout$: string[];
  readonly stderr$: string[];
}

/** No terminal, no person: what a script sees. Secrets are masked as processIo masks them. */
export const capturedIo = (cwd: string, env: Record<string, string>): Captured => {
  const stdout$: string[] = [];
  const stderr$: string[] = [];
  const { add, mask } = secretMasker();
  return {
    stdout$,
    stderr$,
    stdout: { isTTY: false, write: (t: string) => stdout$.push(t) },
    stderr: { isTTY: false, write: (t: string) => stderr$.push(t) },
    stdin: process.stdin,
    env,
    cwd,
    out: (line) => void stdout$.push(mask(line)),
    err: (line) => void stderr$.push(mask(line)),
    interactive: false,
    ask: () => Promise.reject(new Error('not interactive')),
    redact: add,
    mask,
  };
};
