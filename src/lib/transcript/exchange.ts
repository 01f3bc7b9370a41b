import type { Exchange, Turn } from './model.ts';

/** The turn that opens the exchange. */
export function questionTurn(exchange: Exchange): Turn {
  const first = exchange.turns[0];
  if (!first) throw new Error(`exchange ${exchange.id} has no turns`);
  return first;
}

/** The journalist's side of an exchange, as plain text (follow-ups and interjections included). */
export function questionText(exchange: Exchange): string {
  return joinText(exchange.turns.filter((turn) => turn.role === 'question'));
}

/** The spokesperson's side of an exchange, as plain text. */
export function answerText(exchange: Exchange): string {
  return joinText(exchange.turns.filter((turn) => turn.role === 'answer'));
}

/** The spokesperson who answered, where a turn names one (2020+ style labels). */
export function answerer(exchange: Exchange): string | undefined {
  return exchange.turns.find((turn) => turn.role === 'answer' && turn.speaker)?.speaker;
}

function joinText(turns: Turn[]): string {
  return turns.map((turn) => turn.text).join('\n\n');
}

/** A text on one line, cut to `max` characters (code points: a Chinese character is one) with an ellipsis. */
export function brief(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * An answer in brief, as its page's description, preview and structured data quote it: about what
 * a search engine's result or a link's preview shows (160 characters, 80 in Chinese), since the
 * three copies of it are written into every answer's page.
 */
export function answerSummary(exchange: Exchange, lang: 'en' | 'zh'): string {
  return brief(answerText(exchange), lang === 'zh' ? 80 : 160);
}
