import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { from } from 'rxjs';
import type { CliRecord } from '../../src/cli/CliRecord';
import { followJobs } from '../../src/cli/followJobs';
import { Ledger, LEDGER_FILE } from '../../src/cli/Ledger';
import { locationChooser } from '../../src/cli/locationChooser';
import { isReservedName } from '../../src/cli/reservedNames';
import type { Reporter } from '../../src/cli/Reporter';
import type { PlanviewerError } from '../../src/errors/PlanviewerError';
import { filenameFromContentDisposition } from '../../src/http/resultFilename';
import type { JobEvent } from '../../src/jobs/JobEvent';
import { filesUnder, tempDir } from './helpers/cliProcess';

// Results with hostile names, through the same path as `planviewer order`/`download`: the Content-Disposition
// header parsed as the library parses it, then followJobs saving into --out with the real ledger. Whatever
// the names, the bytes and the --force flag: nothing is written outside --out, nothing onto the ledger or
// another name of ours, and a file under a final name is always the whole result.

const LEDGER_SPELLINGS = [
  LEDGER_FILE,
  LEDGER_FILE.toUpperCase(),
  'Planviewer-Ledger.jsonl',
  `${LEDGER_FILE}.lock`,
  `${LEDGER_FILE}::$DATA`,
  `${LEDGER_FILE}. `,
  'planviewer\u200d-ledger.jsonl',
  'planviewer\uff0dledger.jsonl',
  'PLANVI~1.JSO',
];

/** A file name a hostile or broken server might suggest. */
const hostileName = fc.oneof(
  fc.constantFrom(...LEDGER_SPELLINGS),
  fc.constantFrom(
    '..',
    '.',
    '/',
    '\\',
    '',
    'CON',
    'aux.pdf',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '.hidden.pdf',
  ),
  fc
    .tuple(
      fc.array(fc.constantFrom('..', '.', 'a', '', '%2e%2e', '~', 'out', '\u0000', ' '), { maxLength: 4 }),
      fc.oneof(fc.constantFrom(...LEDGER_SPELLINGS), fc.string({ unit: 'grapheme', maxLength: 30 })),
      fc.constantFrom('/', '\\'),
    )
    .map(([dirs, base, sep]) => [...dirs, base].join(sep)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 300 }),
);

/** A Content-Disposition header carrying that name, in the ways servers write them (and a few they should not). */
const contentDisposition = fc.oneof(
  hostileName.map((n) => `attachment; filename="${n.replace(/["\\]/g, '\\$&')}"`),
  hostileName.map((n) => `attachment; filename*=UTF-8''${encodeURIComponent(n)}`),
  hostileName.map((n) => `attachment; filename="safe.pdf"; filename*=UTF-8''${encodeURIComponent(n)}`),
  hostileName.map((n) => `inline; filename=${n}`),
  fc.string({ maxLength: 80 }),
);

/** A result body: its bytes, and whether reading it fails halfway (a cut connection, a full disk). */
const resultBody = fc.record({
  bytes: fc.uint8Array({ minLength: 0, maxLength: 3_000 }),
  breaksAfter: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
});

/** A Blob whose stream gives `bytes` in chunks of 1 KB, or errors after `breaksAfter` chunks. */
const blobOf = (bytes: Uint8Array, breaksAfter: number | undefined): Blob => {
  if (breaksAfter === undefined) return new Blob([Buffer.from(bytes)]);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 1024) chunks.push(bytes.subarray(i, i + 1024));
  return {
    size: bytes.length,
    type: 'application/pdf',
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          chunks.slice(0, breaksAfter).forEach((c) => controller.enqueue(c));
          controller.error(new Error('connection reset while reading the body'));
        },
      }),
  } as unknown as Blob;
};

const uuidOf = (i: number): string => `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`;

const silentReporter = (): Reporter & { readonly records: CliRecord[] } => {
  const records: CliRecord[] = [];
  return {
    records,
    report: (r) => void records.push(r),
    ask: () => Promise.resolve(''),
    close: () => undefined,
  };
};

describe('saving results with hostile names (property)', () => {
  it('never writes outside --out, never onto the ledger or a name of ours, and never shows a partial file as complete', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ header: contentDisposition, body: resultBody }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        async (results, force, ledgerExists) => {
          const tmp = tempDir();
          try {
            const out = path.join(tmp.dir, 'out');
            const ledger = new Ledger(out);
            if (ledgerExists) ledger.append({ type: 'ordering', order: 'o-1', intentions: ['i-0'] });
            const before = ledger.entries();
            const events: Array<E.Either<PlanviewerError, JobEvent>> = results.flatMap((r, i) => [
              E.right<PlanviewerError, JobEvent>({ _tag: 'Ordered', intention: `i-${i}`, job: uuidOf(i) }),
              E.right<PlanviewerError, JobEvent>({
                _tag: 'Result',
                job: uuidOf(i),
                file: {
                  blob: blobOf(r.body.bytes, r.body.breaksAfter),
                  filename: filenameFromContentDisposition(r.header),
                  contentType: 'application/pdf',
                  size: r.body.bytes.length,
                },
              }),
            ]);
            const reporter = silentReporter();
            const summary = await followJobs(
              from(events),
              { command: 'order' },
              {
                ledger,
                outDir: out,
                force,
                reporter,
                labels: new Map(),
                chooser: locationChooser({ interactive: false, reporter, labelOf: () => undefined }),
              },
            );

            // Nothing outside --out, and nothing left half-written under any name.
            const everything = filesUnder(tmp.dir);
            expect(everything.filter((f) => !f.startsWith(out + path.sep))).toEqual([]);
            expect(everything.filter((f) => f.endsWith('.part'))).toEqual([]);

            // The ledger is still the ledger: every line JSON, what was there before still there, one
            // `ordered` per job and one `downloaded` per saved file.
            const entries = ledger.entries();
            const text = fs.readFileSync(ledger.file, 'utf8');
            expect(text.split('\n').filter((l) => l !== '').length).toBe(entries.length);
            expect(entries.slice(0, before.length)).toEqual(before);
            expect(entries.filter((e) => e.type === 'ordered')).toHaveLength(results.length);

            // Each result: saved whole under a name that is not ours, or not at all (and then reported).
            const saved = new Map(summary.files.map((f) => [f.job, f]));
            results.forEach((r, i) => {
              const file = saved.get(uuidOf(i));
              if (r.body.breaksAfter !== undefined) {
                expect(file).toBeUndefined();
                expect(summary.failed).toContainEqual({ job: uuidOf(i), error: 'SaveFailed' });
                return;
              }
              expect(file).toBeDefined();
              expect(path.dirname(file!.file)).toBe(out);
              expect(isReservedName(path.basename(file!.file))).toBe(false);
              expect(new Uint8Array(fs.readFileSync(file!.file))).toEqual(r.body.bytes);
              expect(entries).toContainEqual(
                expect.objectContaining({
                  type: 'downloaded',
                  job: uuidOf(i),
                  file: path.basename(file!.file),
                }),
              );
            });
            // Only results and the ledger are in --out: a failed save left no file behind.
            const names = filesUnder(out)
              .map((f) => path.basename(f))
              .sort();
            expect(names).toEqual(
              [LEDGER_FILE, ...new Set(summary.files.map((f) => path.basename(f.file)))].sort(),
            );
          } finally {
            tmp.remove();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
