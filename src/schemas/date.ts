import { z } from 'astro/zod';

/**
 * A calendar day written `YYYY-MM-DD`. Kept as a string: a transcript's date is a day in Beijing,
 * not an instant, and a `Date` would shift it with the reader's time zone. YAML would also roll
 * an impossible day such as 2019-02-30 over to March without a word, so the day is checked here.
 */
export const isoDay = z
  .string({ error: 'write the date as YYYY-MM-DD, e.g. 2019-03-12' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. 2019-03-12')
  .refine(isCalendarDay, { error: (issue) => `${String(issue.input)} is not a day on the calendar` });

function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
