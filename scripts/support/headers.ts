import { readFileSync } from 'node:fs';

/** One rule of a `_headers` file: a path pattern and the headers it adds. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/**
 * Reads a `_headers` file as Netlify and Cloudflare Pages do: a path line (`*` matches any run of
 * characters, `:name` one path segment), then indented `Name: value` lines; `#` starts a comment.
 */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
        .join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`_headers:${i + 1}: expected "  Name: value" under a path`);
    rule.headers.push([header[1]!.toLowerCase(), header[2]!]);
  }
  return rules;
}

/**
 * The headers a host sends for `path`: every matching rule's, and where several rules set one
 * header, their values joined with ", " (Cloudflare's rule; it is why no catch-all sets Cache-Control).
 */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

export function readHeaders(file: string): HeaderRule[] {
  try {
    return parseHeaders(readFileSync(file, 'utf-8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
