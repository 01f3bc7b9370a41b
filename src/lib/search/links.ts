/**
 * A link to the search page with filters chosen, as the search page reads its URL
 * (src/client/search/): `?topic=5G&year=2019&month=2019-03`. A month is chosen within its year.
 */
export function searchHref(filters: Record<string, readonly string[]>, period?: string): string {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
  if (period) {
    params.append('year', period.slice(0, 4));
    if (period.length > 4) params.set('month', period);
  }
  return `/search/?${params}`;
}
