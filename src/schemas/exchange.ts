import { z } from 'astro/zod';

/** Ids the site gives other parts of a transcript page: an exchange may not take them. */
export const reservedIds = ['opening'] as const;

/** Anchor ids are part of published URLs: lower-case ASCII, digits and hyphens only. */
export const exchangeId = z
  .string({ error: 'an exchange id is text: quote it, e.g. id: "2019-03-12"' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, e.g. "q3" or "huawei-5g"')
  .refine((id) => !(reservedIds as readonly string[]).includes(id), {
    error: (issue) => `"${String(issue.input)}" is the anchor of the opening statements: choose another id`,
  });

/**
 * Per-exchange data in front matter, listed in the order the exchanges appear in the body. Where
 * the list is given it must have one entry per exchange, so that an id pinned here stays with its
 * exchange when another is added or removed.
 */
export const exchangeData = z.strictObject({
  /** Pinned anchor id. Default: `q<n>`, the exchange's position from 1. */
  id: exchangeId.optional(),
  /** Topics of this exchange (search filters). Default: none. */
  topics: z.array(z.string().min(1)).default([]),
  /** The outlet that asked, where the body's label does not name it. */
  asker: z.string().min(1).optional(),
  /**
   * The counterpart exchange in the transcript's translation: its id there, or `none` where the
   * other version left this exchange out. Pins the alignment where the aligner gets it wrong.
   */
  translation: z.union([z.literal('none'), exchangeId]).optional(),
});

export type ExchangeData = z.infer<typeof exchangeData>;
