import type { TranscriptBody } from './model.ts';

/**
 * `astro dev` only: each transcript's model is held here, in the dev server's own process, and the
 * content store holds a placeholder. Astro reloads the whole store into the page's modules after
 * every edit; with the whole archive's models in it that was most of each edit's wait, held here
 * it is the front matter alone. A build stores the models in the content store as before.
 */
/** The dev server's modules are evaluated anew after each edit: the map lives on globalThis, not in a module. */
const key = '__lecternHeldModels';

/** The placeholder the store holds instead of a held model. */
export interface HeldModel {
  held: true;
}

export function heldModels(): Map<string, TranscriptBody> {
  const global = globalThis as typeof globalThis & { [key]?: Map<string, TranscriptBody> };
  return (global[key] ??= new Map());
}

export function isHeld(transcript: TranscriptBody | HeldModel): transcript is HeldModel {
  return 'held' in transcript;
}
