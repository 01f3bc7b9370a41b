import { createHash } from 'node:crypto';
import type { Remark } from '../remarks.ts';
import { answerText, brief, questionText } from '../transcript/exchange.ts';
import { answerPath, cardPath } from '../transcript/addresses.ts';
import { formatDay } from '../../i18n/ui.ts';
import type { Lang } from '../../schemas/transcript.ts';

/** Bump when the card's look changes, so that every cached card is drawn again. */
export const CARD_VERSION = 7;

/** What a share card shows; its digest names the cached image, so only new or changed answers are drawn. */
export interface CardData {
  /** The answer page's path. */
  path: string;
  /** Where the card image is published. */
  card: string;
  lang: Lang;
  /** Date and spokesperson, as the card's first line. */
  byline: string;
  /** The question in brief. */
  question: string;
  /** The opening of the answer. */
  answer: string;
  hash: string;
}

export function cardData(remark: Remark): CardData[] {
  const { data } = remark;
  const zh = data.lang === 'zh';
  const byline = [formatDay(data.date, data.lang), data.spokesperson].filter(Boolean).join(' · ');
  return data.transcript.exchanges.map((exchange) => {
    const fields = {
      path: answerPath(remark.id, exchange.id),
      card: cardPath(remark.id, exchange.id),
      lang: data.lang,
      byline,
      question: brief(questionText(exchange), zh ? 60 : 110),
      answer: brief(answerText(exchange), zh ? 110 : 220),
    };
    const hash = createHash('sha256')
      .update(JSON.stringify([CARD_VERSION, fields.lang, fields.byline, fields.question, fields.answer]))
      .digest('hex')
      .slice(0, 20);
    return { ...fields, hash };
  });
}
