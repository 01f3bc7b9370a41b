/**
 * A process that draws share cards: sent a batch of cards and a cache folder, it writes
 * `<hash>.png` for each and asks for the next batch; sent `end`, it exits. Several run at once (one
 * per core): drawing is CPU-bound (bench/results/build.md). A process rather than a thread, so that
 * what drawing takes (fonts, satori, resvg) goes back to the system when it ends instead of staying
 * in the build's process while the search index is built.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import sharp from 'sharp';
import type { CardData } from './card-data.ts';
import { renderCard } from './card.ts';

/** What the build sends a card process: a batch to draw, or that there are no more. */
export type CardMessage = { cards: CardData[]; dir: string } | { end: true };
/** What a card process answers when a batch is drawn. */
export interface CardReply {
  drawn: number;
}

// One process per core already: libvips' own threads would only contend for the same cores, and
// its cache would hold images this process never reads again.
sharp.concurrency(1);
sharp.cache(false);

process.on('message', (message: CardMessage) => {
  if ('end' in message) {
    process.disconnect();
    return;
  }
  void (async () => {
    for (const card of message.cards) await writeFile(join(message.dir, `${card.hash}.png`), await renderCard(card));
    process.send!({ drawn: message.cards.length } satisfies CardReply);
  })();
});
