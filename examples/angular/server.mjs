// The example's production server: the built app and planviewer-rx/proxy on one origin, so the browser
// never holds the API secret. Environment: PORT (default 4200; 0 for a free port), PLANVIEWER_TARGET
// (default https://www.planviewer.nl), PLANVIEWER_KEY and PLANVIEWER_SECRET. Prints its URL when ready.
import { createReadStream, existsSync, statSync } from 'node:fs';
import * as http from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlanviewerProxy } from 'planviewer-rx/proxy';

const root = join(dirname(fileURLToPath(import.meta.url)), 'dist', 'browser');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ico': 'image/x-icon' };

const proxy = createPlanviewerProxy({
  credentials: { key: process.env.PLANVIEWER_KEY ?? '', secret: process.env.PLANVIEWER_SECRET ?? '' },
  target: process.env.PLANVIEWER_TARGET ?? 'https://www.planviewer.nl',
  mountPath: '/planviewer',
});

/** Files of the built app; every other path is the app itself (client-side routes). */
const serveApp = (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  let file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
    file = join(root, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
};

const server = http.createServer((req, res) => proxy(req, res, () => serveApp(req, res)));
server.listen(Number(process.env.PORT ?? 4200), '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}`);
});
const stop = () => {
  server.close();
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
