import { parseFrontmatter } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { RenderTranscript } from '../lib/transcript/load.ts';
import type { TranscriptBody } from '../lib/transcript/model.ts';
import { markdownOptions } from './index.ts';

/**
 * The remark half of the site's Markdown pipeline (remark-parse, GFM, the site's remark plugins,
 * as `markdownOptions` sets for Astro), for use outside Astro: importer and tests make the same
 * model of a file as the site. It lives beside the plugin, and is handed to what needs it (the
 * importer takes it as an option), so that src/lib never reaches up into the pipeline. The rehype half only turns the (emptied) tree into HTML.
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
