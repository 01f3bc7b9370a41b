/**
 * The index worker's script: the search indexes served to the page (index-service.ts), each file
 * fetched from /pagefind/<lang>/ (index-files.ts). Started by the search page's head script
 * (early.ts), bundled alone.
 */
import { fetchIndexFile } from './index-files.ts';
import { serveIndexes } from './index-service.ts';

serveIndexes(self, (lang) => (path) => fetchIndexFile((url) => fetch(url), lang, path));
