// A tiny static file server for a Trunk dist/ directory (no dependencies).
//
//   const srv = await startStaticServer({ root: 'dist' });   // 127.0.0.1, free port
//   srv.origin            // 'http://127.0.0.1:41234'
//   srv.requests          // every request path the server saw, in order: [{ method, path, status }]
//   await srv.quiet(500)  // no response in progress for 500 ms
//   await srv.stop();     // closes the listener and drops open connections ("go offline")
//   srv.setRoot('dist2'); // serve a new build from now on
//   await srv.start();    // listens again on the same port, so the origin (and its storage, SW) stays
//   startStaticServer({ root: 'dist', prefix: '/portal/xxgk/' })   // the app at a sub-path, as on a portal
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function startStaticServer({ root, host = '127.0.0.1', port = 0, headers = {}, prefix = '/' } = {}) {
  if (!root) throw new Error('startStaticServer: root is required');
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`startStaticServer: prefix must start and end with /: ${prefix}`);
  let rootDir = path.resolve(root);
  let server = null;
  const sockets = new Set();
  const requests = [];
  // Responses still being sent, and when the last one started or ended (for quiet()).
  let inflight = 0;
  let lastActivity = Date.now();

  function handler(req, res) {
    const url = new URL(req.url, 'http://x');
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const record = { method: req.method, path: url.pathname + url.search, status: 0 };
    requests.push(record);
    inflight += 1;
    lastActivity = Date.now();
    res.on('close', () => {
      inflight -= 1;
      lastActivity = Date.now();
    });
    const inside = rel.startsWith(prefix);
    rel = '/' + rel.slice(prefix.length);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(rootDir, path.normalize(rel));
    if (!inside || !file.startsWith(rootDir + path.sep) || !(req.method === 'GET' || req.method === 'HEAD')) {
      record.status = 404;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        record.status = 404;
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      record.status = 200;
      res.writeHead(200, {
        'content-type': type,
        'content-length': st.size,
        // Always revalidate, so a restarted server with a new build is seen at once.
        'cache-control': 'no-cache',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  }

  const srv = {
    host,
    port,
    get origin() {
      return `http://${host}:${srv.port}`;
    },
    get url() {
      return `${srv.origin}${prefix}`;
    },
    get root() {
      return rootDir;
    },
    get running() {
      return server !== null;
    },
    requests,
    setRoot(dir) {
      rootDir = path.resolve(dir);
    },
    /** Resolves once no response has been in progress for `ms` milliseconds. */
    async quiet(ms = 500, timeout = 30_000) {
      const t0 = Date.now();
      while (inflight > 0 || Date.now() - lastActivity < ms) {
        if (Date.now() - t0 > timeout) throw new Error(`server: still busy after ${timeout} ms (${inflight} responses in progress)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async start() {
      if (server) return srv;
      server = http.createServer(handler);
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(srv.port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      srv.port = server.address().port;
      return srv;
    },
    async stop() {
      if (!server) return;
      const s = server;
      server = null;
      const closed = new Promise((resolve) => s.close(() => resolve()));
      for (const sock of sockets) sock.destroy();
      sockets.clear();
      await closed;
    },
  };
  return srv.start();
}

// Command line: node tests/e2e/lib/server.mjs [dist] [port]  (a plain static server for manual checks)
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const srv = await startStaticServer({ root, port });
  console.log(`serving ${srv.root} on ${srv.url}`);
}
