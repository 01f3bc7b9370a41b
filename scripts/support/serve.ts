import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { headersFor, readHeaders } from './headers.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Compress text (HTML, CSS, JS, JSON, SVG) with gzip when the browser accepts it, as a CDN would. */
  gzip?: boolean;
  /**
   * Serve HTTP/2 over TLS, as every host in the README's Deploying section does, with a
   * certificate made for the run (a browser must be told to accept it: `ignoreHTTPSErrors`).
   * Over HTTP/1.1 each response repeats its headers in full; HTTP/2 compresses them (HPACK).
   */
  http2?: boolean;
}

/** A self-signed certificate for 127.0.0.1, made with Debian's openssl. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

const compressible = /\.(html|css|js|json|xml|svg|txt)$/;

/**
 * The path a request asks for, decoded, or undefined where it cannot name a file of the site: a
 * broken %-escape (`/%`), or a segment that is empty, `.` or `..`, or holds a slash, a backslash or
 * a NUL once decoded (`/..%2fdist-x/` would reach a sibling folder).
 */
export function requestedPath(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
  const segments = pathname.split('/').slice(1);
  const decoded: string[] = [];
  for (const [i, segment] of segments.entries()) {
    let plain: string;
    try {
      plain = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    const last = i === segments.length - 1;
    if ((plain === '' && !last) || plain === '.' || plain === '..' || /[/\\\0]/.test(plain)) return undefined;
    decoded.push(plain);
  }
  return `/${decoded.join('/')}`;
}

/**
 * Serves a built site on a free loopback port, as a static host would (`/x/` → `/x/index.html`,
 * `404.html` for what is missing), with the headers its `_headers` file asks for (Content-Security-Policy,
 * caching), as Netlify and Cloudflare Pages send them.
 */
export async function serve(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const zipped = new Map<string, Buffer>();
  const rules = readHeaders(join(dir, '_headers'));
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = requestedPath(request.url ?? '/');
    if (path === undefined) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: a broken path.\n');
      return;
    }
    for (const [name, value] of Object.entries(headersFor(rules, path))) response.setHeader(name, value);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    stat(file).then(
      (info) => {
        if (info.isDirectory()) {
          response.writeHead(301, { location: `${path}/` }).end();
          return;
        }
        const type = types[extname(file)] ?? 'application/octet-stream';
        if (options.gzip && compressible.test(file) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
          void (async () => {
            let body = zipped.get(file);
            if (!body) zipped.set(file, (body = gzipSync(await readFile(file), { level: 9 })));
            response.writeHead(200, {
              'content-type': type,
              'content-encoding': 'gzip',
              'content-length': body.length,
            });
            response.end(body);
          })();
          return;
        }
        response.writeHead(200, { 'content-type': type, 'content-length': info.size });
        createReadStream(file).pipe(response);
      },
      () => {
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        createReadStream(join(dir, '404.html'))
          .on('error', () => response.end())
          .pipe(response);
      },
    );
  };
  const server = options.http2
    ? // Node's HTTP/2 compatibility API takes the same calls as HTTP/1's request and response.
      createSecureServer(
        { ...certificate(), allowHTTP1: true },
        (request: Http2ServerRequest, response: Http2ServerResponse) => {
          handle(request as unknown as IncomingMessage, response as unknown as ServerResponse);
        },
      )
    : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.http2 ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
