import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback proxy in front of the simulator that gives each result a Content-Disposition of our choosing. */
export interface RenamingProxy {
  readonly url: string;
  /** How many results went through it so far. */
  retrieved(): number;
  close(): Promise<void>;
}

/**
 * Starts a proxy that forwards every request to `upstreamUrl` unchanged, except that the n-th successful
 * `GET …/jobs/retrieve/…` answer (from 0) gets `Content-Disposition: contentDisposition(n)`.
 */
export const startRenamingProxy = async (
  upstreamUrl: string,
  contentDisposition: (n: number) => string,
): Promise<RenamingProxy> => {
  let retrieved = 0;
  const proxy = http.createServer((req, res) => {
    const upstream = http.request(
      `${upstreamUrl}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        const headers = { ...answer.headers };
        if ((req.url ?? '').includes('/jobs/retrieve/') && answer.statusCode === 200)
          headers['content-disposition'] = contentDisposition(retrieved++);
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    retrieved: () => retrieved,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    },
  };
};
