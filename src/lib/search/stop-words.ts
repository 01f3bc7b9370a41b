/**
 * English words on nearly every answer. Each costs a reader the largest chunks of the index and
 * narrows nothing, so an unquoted query
 * leaves them out as long as another word remains ("Belt and Road" searches belt and road). A
 * quoted phrase keeps them: there they say where the other words stand.
 */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
