import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import process from 'node:process';

/**
 * Where the editors' files are. LECTERN_CONTENT points tests and benchmarks at another folder of
 * transcripts; the permalink manifest and redirects sit beside that folder, as content/permalinks.txt
 * and content/redirects.json sit beside content/remarks.
 */
export function contentPaths(root: string = process.cwd()) {
  const remarks = resolve(root, process.env.LECTERN_CONTENT ?? 'content/remarks');
  const folder = dirname(remarks);
  return {
    remarks,
    permalinks: resolve(folder, 'permalinks.txt'),
    redirects: resolve(folder, 'redirects.json'),
    /** Every entity page published, for their addresses to last (src/lib/entities/addresses.ts). */
    entityAddresses: resolve(folder, 'entity-addresses.txt'),
    /** The editors' table of entities; a folder of transcripts without one (a test's) uses the project's. */
    entities: existsSync(resolve(folder, 'entities.yaml'))
      ? resolve(folder, 'entities.yaml')
      : resolve(root, 'content/entities.yaml'),
  };
}
