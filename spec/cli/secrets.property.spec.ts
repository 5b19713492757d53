import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { capturedIo } from './helpers/capturedIo';
import { filesUnder, tempDir } from './helpers/cliProcess';

// A hostile server that answers every request with an error whose body echoes the Authorization header
// (and the secret decoded from it) in many shapes. Whatever the command, the status and the body, no
// output of the CLI (stdout, stderr, --json records, the ledger) shows the secret or the Basic token.

const UUID = '0fe30323-a86e-4048-a7e7-6d60c3365dcb';

/** The ways a body may quote what it was sent. */
const bodyShape = fc.constantFrom(
  (auth: string) => `Authorization: ${auth}`,
  (auth: string) => JSON.stringify({ error: 'invalid request', headers: { authorization: auth } }),
  (auth: string) => `<html><body><pre>${auth}</pre></body></html>`,
  (auth: string) => JSON.stringify([{ message: `bad credentials ${auth.replace(/^Basic /, '')}` }]),
  (_auth: string, plain: string) => `credentials were ${plain}`,
  (_auth: string, plain: string) =>
    JSON.stringify({ user: plain.split(':')[0], password: plain.split(':').slice(1).join(':') }),
  (auth: string, plain: string) => `${encodeURIComponent(plain)} / ${auth}`,
);

const command = fc.constantFrom(
  ['products'],
  ['search', '1234AB', '2'],
  ['intentions', UUID, '-p', 'percelenrapport'],
  ['status', UUID],
  ['order', UUID, '--yes'],
  // Status polls are retried on some answers: a deadline keeps each run short.
  ['download', UUID, '--deadline', '0.5'],
);

let server: http.Server;
let url: string;
let answer: { status: number; body: (auth: string, plain: string) => string } = {
  status: 400,
  body: () => '',
};
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const plain = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8');
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body(auth, plain));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('secrets in CLI output (property)', () => {
  it('no command shows the secret or the Basic token, whatever error body echoes them', async () => {
    await fc.assert(
      fc.asyncProperty(
        command,
        fc.constantFrom(400, 401, 403, 404, 409, 422),
        bodyShape,
        fc.string({ minLength: 8, maxLength: 24 }).filter((s) => s.trim().length >= 8),
        fc.boolean(),
        async (args, status, body, secret, json) => {
          answer = { status, body };
          const tmp = tempDir();
          try {
            const key = 'k3y-id';
            const token = Buffer.from(`${key}:${secret}`, 'utf8').toString('base64');
            const io = capturedIo(tmp.dir, { PLANVIEWER_KEY: key, PLANVIEWER_SECRET: secret });
            const out = path.join(tmp.dir, 'out');
            const code = await runCli(
              [...args, '--base-url', url, '--out', out, ...(json ? ['--json'] : [])],
              io,
            );
            expect(code).not.toBe(0);
            const written = [
              ...io.stdout$,
              ...io.stderr$,
              ...filesUnder(tmp.dir).map((f) => fs.readFileSync(f, 'utf8')),
            ];
            for (const text of written) {
              expect(text).not.toContain(secret);
              expect(text).not.toContain(token);
              expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
            }
            if (json) for (const line of io.stdout$) expect(() => JSON.parse(line) as unknown).not.toThrow();
          } finally {
            tmp.remove();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
