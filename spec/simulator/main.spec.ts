/** The `npm run simulator` command: the --json line, a working server behind it, clean stop on SIGTERM. */
import * as childProcess from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

const MAIN = path.join(__dirname, '../../src/simulator/main.ts');

describe('simulator command', () => {
  it('prints one JSON line first on stdout, serves the API, and stops on SIGTERM', async () => {
    const child = childProcess.spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', MAIN, '--json', '--speed', '50'],
      {
        cwd: path.join(__dirname, '../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const lines = readline.createInterface({ input: child.stdout! });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const info = JSON.parse(first) as {
        url: string;
        key: string;
        secret: string;
        sample: { postcode: string; huisnummer: string };
      };
      expect(Object.keys(info)).toEqual(['url', 'key', 'secret', 'sample']);
      expect(info).toEqual({
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        key: 'demo',
        secret: 'demo-secret',
        sample: { postcode: '1234AB', huisnummer: '2' },
      });

      const authorization = `Basic ${Buffer.from(`${info.key}:${info.secret}`).toString('base64')}`;
      const search = await fetch(`${info.url}/product_api/v1/search/structured`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({
          entity: 'adres',
          query: {
            bool: {
              must: [
                { field: { fields: ['postcode'], query: info.sample.postcode } },
                { field: { fields: ['huisnummer'], query: info.sample.huisnummer } },
              ],
            },
          },
        }),
      });
      const [hit] = (await search.json()) as Array<{ uuid: string }>;
      const intentions = await fetch(`${info.url}/product_api/v1/intentions/list`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ uuids: [hit!.uuid], products: ['bestemmingsplanrapport'] }),
      });
      const [entry] = (await intentions.json()) as Array<{ intentions: unknown[] }>;
      expect(entry!.intentions).toHaveLength(1);

      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
