import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { SITE_TITLE } from '../../consts.ts';
import type { CardData } from './card-data.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const BORDER = 16;
const PADDING = { top: 48, right: 64, bottom: 40, left: 56 };
/** Satori sizes boxes without their padding and border: the text column's width is set outright. */
const TEXT_WIDTH = CARD_WIDTH - BORDER - PADDING.left - PADDING.right;
/** The card's inks: few, because each one costs the palette its edge tones too (toPalette). */
const INK = { paper: '#fdfdfc', text: '#1b1b1f', accent: '#8a1c1c', quiet: '#44444c' } as const;

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => readFileSync(require.resolve(`${pkg}/files/${file}`));

/**
 * Fonts from npm (@fontsource): Noto Sans for Latin text, Noto Sans SC (its simplified-Chinese
 * subset) for Chinese. Satori reads .woff, not .woff2, and falls back from one family to the next
 * for each character it cannot draw.
 */
let fonts: Parameters<typeof satori>[1]['fonts'] | undefined;
function loadFonts() {
  fonts ??= [400, 700].flatMap((weight) => [
    {
      name: 'Noto Sans',
      data: font('@fontsource/noto-sans', `noto-sans-latin-${weight}-normal.woff`),
      weight: weight as 400 | 700,
      style: 'normal' as const,
    },
    {
      name: 'Noto Sans SC',
      data: font('@fontsource/noto-sans-sc', `noto-sans-sc-chinese-simplified-${weight}-normal.woff`),
      weight: weight as 400 | 700,
      style: 'normal' as const,
    },
  ]);
  return fonts;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node[] | string } };
const el = (type: string, style: Record<string, unknown>, children: Node[] | string): Node => ({
  type,
  props: { style, children },
});

/** A 1200×630 PNG quoting an answer: date and spokesperson, the question's first line, the answer's opening. */
export async function renderCard(card: CardData): Promise<Buffer> {
  return toPalette(await drawCard(card));
}

/** A card's pixels, 8-bit RGBA, row by row. */
export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * The card drawn in full colour (satori's SVG through resvg), before toPalette. As pixels, not a
 * PNG: encoding a full-colour PNG only for toPalette to decode it again was a sixth of a card's
 * time.
 */
export async function drawCard(card: CardData): Promise<Pixels> {
  const zh = card.lang === 'zh';
  const tree = el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: '100%',
      height: '100%',
      background: INK.paper,
      color: INK.text,
      borderLeft: `${BORDER}px solid ${INK.accent}`,
      padding: `${PADDING.top}px ${PADDING.right}px ${PADDING.bottom}px ${PADDING.left}px`,
      fontFamily: zh ? 'Noto Sans SC, Noto Sans' : 'Noto Sans, Noto Sans SC',
    },
    [
      el('div', { width: TEXT_WIDTH, fontSize: 28, color: INK.accent, fontWeight: 700 }, card.byline),
      // One line of the question: the preview's title under the card gives it again, and a
      // second line cost a card a tenth of its bytes (docs/design-figures.md).
      el(
        'div',
        {
          width: TEXT_WIDTH,
          fontSize: 30,
          fontWeight: 700,
          marginTop: 24,
          lineHeight: 1.35,
          color: INK.quiet,
          whiteSpace: 'nowrap',
          textOverflow: 'ellipsis',
          overflow: 'hidden',
        },
        `${zh ? '问：' : 'Q: '}${card.question}`,
      ),
      el(
        'div',
        { width: TEXT_WIDTH, fontSize: 38, marginTop: 22, lineHeight: 1.4, maxHeight: 268, overflow: 'hidden' },
        `“${card.answer}”`,
      ),
      el(
        'div',
        { position: 'absolute', left: PADDING.left, bottom: PADDING.bottom, fontSize: 22, color: INK.quiet },
        // The name alone: the preview says whose remarks these are, and a tagline drawn on every
        // card cost each as much as its byline.
        SITE_TITLE,
      ),
    ],
  );
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
  });
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render();
  // resvg's pixels are premultiplied; the card's paper is opaque, so they are the colours as they are.
  return { data: image.pixels, width: image.width, height: image.height };
}

/**
 * A card is text in three inks on a flat background: a palette (libimagequant, through sharp)
 * holds it with no visible loss, at under a third of the full-colour PNG's size. A low quality target lets the quantizer spend few colours on the
 * anti-aliased edges, where the eye cannot tell: at quality 3 a card has six (its inks and two
 * edge tones) and 4-bit pixels; each colour fewer shortens every row's run of distinct bytes,
 * with no difference to see at twice the size. No dithering, which would only add noise to flat
 * areas. The quantizer's least effort: its most saves almost nothing and costs half as much again.
 */
export function toPalette({ data, width, height }: Pixels): Promise<Buffer> {
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png({ palette: true, colours: 16, quality: 3, dither: 0, effort: 1, compressionLevel: 9 })
    .toBuffer();
}
