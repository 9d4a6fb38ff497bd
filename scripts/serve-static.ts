/**
 * A tiny static file server for the demo page and the test fixtures, bound to
 * 127.0.0.1 on a free port. Mounts map URL prefixes to folders.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export type StaticServer = {
  origin: string;
  port: number;
  close(): Promise<void>;
};

/** Resolves `urlPath` under one of the mounts, refusing anything outside them. */
function resolveFile(
  mounts: Record<string, string>,
  urlPath: string,
): string | null {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const prefix = prefixes.find((p) => urlPath.startsWith(p));
  if (prefix === undefined) return null;
  const root = resolve(mounts[prefix]!);
  const file = normalize(
    join(root, decodeURIComponent(urlPath.slice(prefix.length))),
  );
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const stat = statSync(file);
    if (stat.isDirectory())
      return resolveFile(
        { [prefix]: root },
        `${urlPath.replace(/\/?$/, '/')}index.html`,
      );
    return stat.isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Sent as a header with any file asked for with `?strict-csp` (the tests of
 * hostile pages): the page's own scripts only, no inline code, no
 * connections, Trusted Types.
 */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'";

export async function serveStatic(
  mounts: Record<string, string>,
  port = 0,
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end(); // Fixture pages have no icon; browsers ask anyway.
      return;
    }
    const file = resolveFile(mounts, url.pathname);
    if (!file) {
      response
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type':
        CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(url.searchParams.has('strict-csp')
        ? { 'content-security-policy': STRICT_CSP }
        : {}),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const actualPort =
    typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    // Also drops the connections a browser still holds open (keep-alive or a
    // speculative preconnect that never sent a request): without that, close()
    // waits for the browser to let go, up to the request timeout (minutes) when
    // the browser is closed only after the server, as in the e2e tests' teardown.
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** The project's pages: the demo at /, test fixtures at /fixtures/, bundled fixtures at /generated/. */
export const PROJECT_MOUNTS = {
  '/': 'scripts/demo',
  '/fixtures/': 'tests/e2e/pages',
  '/generated/': '.output/e2e-fixtures',
};
