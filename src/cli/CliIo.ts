import * as readline from 'node:readline';

/**
 * A stream a command writes to: `process.stdout`, `process.stderr`, or a test double.
 *
 * @example
 * const lines: string[] = [];
 * const captured: OutputStream = { write: (t: string) => lines.push(t), isTTY: false };
 */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

/**
 * The outside world of one command run: streams, environment, working folder. Commands never touch
 * `process` directly, so the demo can run the same code, and the secret can be masked in one place.
 *
 * @example
 * const io = processIo();
 * io.out('hello');
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Writes one line to stdout, secrets masked. */
  out(line: string): void;
  /** Writes one line to stderr, secrets masked. */
  err(line: string): void;
  /** Whether a person can answer a question: stdin and stderr are terminals. */
  readonly interactive: boolean;
  /** Asks a question on stderr and reads one line from stdin. */
  ask(question: string): Promise<string>;
  /** Masks this value in everything written from now on (the secret, once read from the environment). */
  redact(secret: string): void;
  /** The text with every value given to {@link redact} masked: for what goes elsewhere (the ledger). */
  mask(text: string): string;
}

/**
 * Masks registered secrets as `***` in text about to be written: each secret as it is, and in the forms
 * in which output may quote it (JSON-escaped inside a `--json` record, percent-encoded inside a URL).
 *
 * @example
 * const masker = secretMasker();
 * masker.add('s3cr"et');
 * masker.mask('{"echo":"s3cr\\"et"}'); // '{"echo":"***"}'
 */
export const secretMasker = (): { add(secret: string): void; mask(text: string): string } => {
  const forms: string[] = [];
  return {
    add: (secret) => {
      if (secret === '') return;
      for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])
        if (!forms.includes(form)) forms.push(form);
      // Longest first, so that a form containing another is masked whole.
      forms.sort((a, b) => b.length - a.length);
    },
    mask: (text) => forms.reduce((t, form) => t.split(form).join('***'), text),
  };
};

/**
 * The {@link CliIo} of this process.
 *
 * @example
 * import { processIo } from './CliIo';
 * processIo().err('something went wrong');
 */
export const processIo = (): CliIo => {
  // Belt and braces: describeError never contains a credential, but a server's error body (echoing the
  // Authorization header) or a defect's message might quote one.
  const { add, mask } = secretMasker();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${mask(line)}\n`),
    err: (line) => process.stderr.write(`${mask(line)}\n`),
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    ask: (question) =>
      new Promise((resolve) => {
        const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
        rl.question(question, (answer) => {
          rl.close();
          resolve(answer);
        });
      }),
    redact: add,
    mask,
  };
};
