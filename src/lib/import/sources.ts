import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * Original URLs of saved pages, from an `index.jsonl` beside them or up to two folders above (the
 * shared corpus keeps one: `{"file": "mfa-pages/en/t1558711.html", "url": ...}`).
 */
export class SourceIndex {
  #byFolder = new Map<string, Map<string, string> | undefined>();

  urlOf(file: string): string | undefined {
    let dir = dirname(file);
    for (let up = 0; up < 3; up++) {
      const index = this.#load(dir);
      const url = index?.get(relative(dir, file).replaceAll('\\', '/')) ?? index?.get(basename(file));
      if (url) return url;
      dir = dirname(dir);
    }
    return undefined;
  }

  #load(dir: string): Map<string, string> | undefined {
    if (this.#byFolder.has(dir)) return this.#byFolder.get(dir);
    const path = join(dir, 'index.jsonl');
    let index: Map<string, string> | undefined;
    if (existsSync(path)) {
      index = new Map();
      for (const line of readFileSync(path, 'utf-8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const entry = JSON.parse(line) as { file?: unknown; url?: unknown };
          if (typeof entry.file !== 'string' || typeof entry.url !== 'string') continue;
          // Listed relative to the index's folder or to its parent: keep both keys that can match.
          const file = entry.file.replaceAll('\\', '/');
          index.set(file, entry.url);
          index.set(file.split('/').slice(1).join('/'), entry.url);
          if (!index.has(basename(file))) index.set(basename(file), entry.url);
        } catch {
          // A broken line in someone else's index is not this import's error: that page then needs --source.
        }
      }
    }
    this.#byFolder.set(dir, index);
    return index;
  }
}
