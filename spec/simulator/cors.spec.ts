/** Opt-in CORS: a dev page may call the simulator directly when (and only when) its origin is allowed. */
import * as childProcess from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { demoAccount, startSimulator, type Simulator } from '../../src/simulator';

const PAGE = 'http://localhost:4200';
const auth = `Basic ${Buffer.from(`${demoAccount.key}:${demoAccount.secret}`).toString('base64')}`;

const preflight = (sim: Simulator, origin: string): Promise<Response> =>
  fetch(`${sim.apiUrl}/jobs/order`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

describe('simulator CORS', () => {
  let sim: Simulator;
  afterEach(() => sim.close());

  it('is off by default: a preflight gets no CORS headers', async () => {
    sim = await startSimulator({});
    const response = await preflight(sim, PAGE);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight of an allowed origin, outside the request log', async () => {
    sim = await startSimulator({ corsOrigins: [PAGE] });
    const response = await preflight(sim, PAGE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization, Content-Type/);
    expect(sim.requests.entries()).toEqual([]);
  });

  it('lets the allowed origin read answers and the file name, and no other origin', async () => {
    sim = await startSimulator({ corsOrigins: [PAGE] });
    const allowed = await fetch(`${sim.apiUrl}/products/list`, {
      headers: { origin: PAGE, authorization: auth },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/Content-Disposition/);
    const other = await fetch(`${sim.apiUrl}/products/list`, {
      headers: { origin: 'https://evil.example.invalid', authorization: auth },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(
      (await preflight(sim, 'https://evil.example.invalid')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('is switched on by --cors on the command line', async () => {
    const child = childProcess.spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        path.join(__dirname, '../../src/simulator/main.ts'),
        '--json',
        '--cors',
        PAGE,
      ],
      { cwd: path.join(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const first = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const { url } = JSON.parse(first) as { url: string };
      const response = await fetch(`${url}/product_api/v1/jobs/order`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'POST' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
