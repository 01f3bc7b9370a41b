/**
 * A worker that draws share cards: given cards and a cache folder, writes `<hash>.png` for each.
 * Several run at once (one per core): drawing is CPU-bound, about 40 ms a card.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CardData } from './card-data.ts';
import { renderCard } from './card.ts';

const { cards, dir } = workerData as { cards: CardData[]; dir: string };
for (const card of cards) {
  await writeFile(join(dir, `${card.hash}.png`), await renderCard(card));
  parentPort?.postMessage(1);
}
