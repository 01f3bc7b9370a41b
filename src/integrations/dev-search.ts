import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { NO_DEV_INDEX } from '../lib/search/no-index.ts';

const types: Record<string, string> = { '.json': 'application/json', '.pagefind': 'application/wasm' };

/**
 * `npm run dev` has no search index of its own (the index is built with the site): the dev server
 * serves the last build's, from the output folder, so that search works while editing (on the
 * last build's answers). Without a build, it answers so, and the search page says to run one.
 */
export default function devSearch(): AstroIntegration {
  let outDir = '';
  return {
    name: 'lectern-dev-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (!path.startsWith('/pagefind/') || path.split('/').some((segment) => segment === '..')) {
            next();
            return;
          }
          const file = join(outDir, decodeURIComponent(path));
          stat(file).then(
            (info) => {
              if (!info.isFile()) throw new Error('not a file');
              const type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
              response.writeHead(200, {
                'content-type': type,
                'content-length': info.size,
                'cache-control': 'no-cache',
              });
              createReadStream(file).pipe(response);
            },
            () => {
              response.writeHead(404, { [NO_DEV_INDEX]: '1', 'content-type': 'text/plain; charset=utf-8' });
              response.end('No search index: run npm run build once; the dev server searches the last build.\n');
            },
          );
        });
      },
    },
  };
}
