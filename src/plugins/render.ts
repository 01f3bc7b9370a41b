import { parseFrontmatter } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { markdownOptions } from '../../plugins/index.ts';
import type { RenderTranscript } from './load.ts';
import type { TranscriptBody } from './model.ts';

/**
 * The remark half of the site's Markdown pipeline (remark-parse, GFM, the site's remark plugins,
 * as `markdownOptions` sets for Astro), for use outside Astro: importer and tests make the same
 * model of a file as the site. The rehype half only turns the (emptied) tree into HTML.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(markdownOptions.remarkPlugins).freeze();

export const renderTranscript: RenderTranscript = async (contents) => {
  const { frontmatter, content } = parseFrontmatter(contents);
  const file = new VFile({ value: content, data: { astro: { frontmatter } } });
  await processor.run(processor.parse(file), file);
  return modelOf((file.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter);
};

/** The model the plugin left in a rendered entry's metadata. */
export function modelOf(frontmatter: Record<string, unknown> | undefined): TranscriptBody {
  const problem = frontmatter?.transcriptProblem as { reason: string; line?: number } | undefined;
  if (problem) throw Object.assign(new Error(problem.reason), problem);
  const model = frontmatter?.transcript as TranscriptBody | undefined;
  if (!model) throw new Error('the transcript plugin did not run: is remarkTranscript in the Markdown processor?');
  return model;
}
