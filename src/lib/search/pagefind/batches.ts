/**
 * `task` over `items`, a few hundred at a time: a large archive has tens of thousands of fragments per language,
 * more files than a process may hold open at once.
 */
export async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>, size = 256): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(task))));
  return results;
}
