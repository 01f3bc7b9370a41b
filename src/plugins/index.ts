import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkTranscript from './remark-transcript.ts';

/**
 * The Markdown pipeline's options, shared by `astro.config.mjs` and the processor used outside
 * Astro (importer, tests), so that both parse a transcript the same way. SmartyPants is off: it
 * would publish `China's` as `China’s`, which is not the text the ministry wrote.
 */
export const markdownOptions = {
  remarkPlugins: [remarkTranscript],
  smartypants: false,
  gfm: true,
} satisfies UnifiedProcessorOptions;
