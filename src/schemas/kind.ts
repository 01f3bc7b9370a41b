import { z } from 'astro/zod';

/** What sort of text a transcript is. The ministry's own names for each are in `src/i18n`. */
export const kinds = ['press-conference', 'briefing', 'remarks', 'answers', 'statement'] as const;

export const kind = z.enum(kinds, {
  error: `use one of: ${kinds.join(', ')}`,
});

export type Kind = z.infer<typeof kind>;
