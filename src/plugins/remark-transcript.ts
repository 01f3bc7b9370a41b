import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { VFileMessage } from 'vfile-message';
import { escapesLabel, opensTurn, readLabel, type Label } from '../lib/transcript/labels.ts';
import type { Exchange, TranscriptBody, Turn } from '../lib/transcript/model.ts';
import { makeSafe } from './mdast-safe.ts';
import { type Definitions, renderBlocks } from './to-html.ts';

export interface RemarkTranscriptOptions {
  /** Where the parsed model is put: `file.data.astro.frontmatter[key]`. Default: `transcript`. */
  key?: string;
}

interface PendingTurn extends Label {
  blocks: RootContent[];
  line: number;
}

interface PendingExchange {
  turns: PendingTurn[];
  line: number;
}

/** Front matter fields the plugin reads; the schema has validated or will validate the rest. */
interface FrontmatterView {
  spokesperson?: unknown;
  exchanges?: unknown;
}

/**
 * Parses a transcript's body into the transcript model and hands it to pages through the rendered
 * entry's metadata (`rendered.metadata.frontmatter.transcript`). Pages render from the model, so
 * the tree is emptied afterwards: rendering the whole body to HTML again would be wasted work.
 *
 * ```md
 * Q: What's your comment?
 *
 * A: As far as I know, ...
 * ```
 *
 * becomes `{ exchanges: [{ id: 'q1', n: 1, turns: [{ role: 'question', label: 'Q', html:
 * "<p>What's your comment?</p>", ... }, { role: 'answer', label: 'A', ... }] }] }`.
 *
 * A body that breaks the format fails with the line and what to do: an empty body, an answer with
 * no question before it, a question with no answer, a label with no text, a front matter
 * `exchanges` list that does not match the body.
 */
export default function remarkTranscript(options: RemarkTranscriptOptions = {}) {
  const key = options.key ?? 'transcript';
  return (tree: Root, file: VFile): void => {
    // Astro hands the front matter in here and returns it as the rendered entry's metadata.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    const frontmatter = ((data.astro ??= {}).frontmatter ??= {});
    try {
      frontmatter[key] = parseBody(tree, file, frontmatter);
    } catch (error) {
      if (!(error instanceof VFileMessage)) throw error;
      // Handed back as data, not thrown: Astro's renderer would print the whole message object
      // before the loader gets to report it as one line with its file and line.
      frontmatter[`${key}Problem`] = { reason: error.reason, line: error.line };
    }
    tree.children = [];
  };
}

/** The transcript model of a body's Markdown tree. Exported for the importer's round-trip check. */
export function parseBody(tree: Root, file: VFile, frontmatter: FrontmatterView = {}): TranscriptBody {
  makeSafe(tree);
  const definitions = takeDefinitions(tree);
  const spokesperson = typeof frontmatter.spokesperson === 'string' ? frontmatter.spokesperson : undefined;
  if (tree.children.length === 0) {
    file.fail(
      'The body is empty: write the opening statements and/or the exchanges (Q: ... then A: ...) below the front matter.',
      {
        place: { line: 1, column: 1 },
        ruleId: 'empty-body',
        source: 'lectern',
      },
    );
  }

  const opening: RootContent[] = [];
  const exchanges: PendingExchange[] = [];
  let current: PendingExchange | undefined;
  let turn: PendingTurn | undefined;

  const closeExchange = (): void => {
    if (current && !current.turns.some((t) => t.role === 'answer')) {
      const first = current.turns[0]!;
      file.fail(
        `The question "${first.label}:" has no answer: add an answer paragraph (e.g. "A: ...") after it, or merge it into the question it belongs to.`,
        { place: { line: first.line, column: 1 }, ruleId: 'question-without-answer', source: 'lectern' },
      );
    }
  };

  for (const block of tree.children) {
    const line = block.position?.start.line ?? 1;
    // Before the first question the spokesperson may speak under their name (a new spokesperson
    // introduced, say): that is opening text, published with the name as written.
    const source = sourceOf(block, file);
    const label =
      block.type === 'paragraph'
        ? takeLabel(
            block,
            spokesperson,
            (found) =>
              !escapesLabel(source, found.length) &&
              opensTurn(found, toString(block)) &&
              (current !== undefined || !(found.role === 'answer' && found.speaker)),
          )
        : undefined;
    if (!label) {
      (turn ? turn.blocks : opening).push(block);
      continue;
    }
    if (turn) checkNotEmpty(turn, file);
    const opensExchange = label.kind === 'question' || (label.kind === 'interjection' && !current);
    if (opensExchange) {
      closeExchange();
      current = { turns: [], line };
      exchanges.push(current);
    } else if (!current) {
      const what = label.role === 'answer' ? 'answer' : 'follow-up';
      file.fail(
        `An ${what} ("${label.label}:") comes before any question: start the exchange with its question (e.g. "Q: ..."), or remove the label if this is part of the opening statements.`,
        { place: { line, column: 1 }, ruleId: `${what}-without-question`, source: 'lectern' },
      );
    }
    turn = {
      ...label,
      kind: opensExchange ? 'question' : label.kind,
      blocks: isEmptyParagraph(block) ? [] : [block],
      line,
    };
    current.turns.push(turn);
  }
  if (turn) checkNotEmpty(turn, file);
  closeExchange();

  const data = exchangeData(frontmatter, exchanges.length, file);
  return {
    ...(opening.length > 0 && {
      opening: { ...renderBlocks(opening, definitions, 'opening-'), line: opening[0]!.position?.start.line ?? 1 },
    }),
    exchanges: exchanges.map((pending, i): Exchange => {
      const pinned = data[i] ?? {};
      const id = pinned.id ?? `q${i + 1}`;
      const turns = pending.turns.map((turn, k) => toTurn(turn, definitions, `${id}-${k + 1}-`));
      const asker = pinned.asker ?? turns[0]?.speaker;
      return {
        id,
        n: i + 1,
        ...(asker !== undefined && { asker }),
        topics: pinned.topics ?? [],
        turns,
        ...(pinned.translation !== undefined && { translation: pinned.translation }),
        line: pending.line,
      };
    }),
  };
}

function toTurn(
  { role, kind, label, speaker, blocks, line }: PendingTurn,
  definitions: Definitions,
  prefix: string,
): Turn {
  return {
    role,
    kind,
    label,
    ...(speaker !== undefined && { speaker }),
    ...renderBlocks(blocks, definitions, prefix),
    line,
  };
}

/**
 * Removes the transcript's link and footnote definitions from the tree, wherever they are: they
 * are not text of the turn they happen to follow, and any turn may cite them (to-html.ts).
 */
function takeDefinitions(tree: Root): Definitions {
  const definitions: Definitions = { links: [], footnotes: [] };
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'definition') definitions.links.push(node);
    else if (node.type === 'footnoteDefinition') definitions.footnotes.push(node);
    else return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return definitions;
}

function checkNotEmpty(turn: PendingTurn, file: VFile): void {
  if (turn.blocks.length === 0) {
    file.fail(`"${turn.label}:" has no text: write the ${turn.role} after the label, or remove the label.`, {
      place: { line: turn.line, column: 1 },
      ruleId: 'empty-turn',
      source: 'lectern',
    });
  }
}

interface PinnedExchange {
  id?: string;
  topics?: string[];
  asker?: string;
  translation?: string;
}

/** The front matter's per-exchange list, checked against the body: one entry per exchange, ids unique. */
function exchangeData(frontmatter: FrontmatterView, count: number, file: VFile): PinnedExchange[] {
  const list = frontmatter.exchanges;
  if (!Array.isArray(list)) return [];
  if (list.length !== count) {
    file.fail(
      `The front matter lists ${list.length} exchanges but the body has ${count}: give one "exchanges" entry per exchange, in body order (pinned ids must stay with their exchange).`,
      { place: { line: 1, column: 1 }, ruleId: 'exchanges-mismatch', source: 'lectern' },
    );
  }
  const seen = new Set<string>();
  return list.map((item: unknown, i) => {
    const entry = (item ?? {}) as PinnedExchange;
    const id = entry.id ?? `q${i + 1}`;
    if (seen.has(id)) {
      file.fail(`Exchange id "${id}" is used twice: each exchange needs its own id.`, {
        place: { line: 1, column: 1 },
        ruleId: 'duplicate-id',
        source: 'lectern',
      });
    }
    seen.add(id);
    return entry;
  });
}

/**
 * Reads and removes the speaker label that opens a paragraph. The label may sit in the first text
 * or inside leading emphasis (`**Q:** ...`, or a question bold as a whole, as imported pages have).
 */
function takeLabel(
  paragraph: Paragraph,
  spokesperson: string | undefined,
  accept: (label: Label) => boolean,
): Label | undefined {
  const path: (Paragraph | PhrasingContent)[] = [paragraph];
  let node: Paragraph | PhrasingContent = paragraph;
  while ('children' in node && node.children.length > 0) {
    node = node.children[0]!;
    path.push(node);
  }
  if (node.type !== 'text') return undefined;
  const label = readLabel(node.value, spokesperson);
  if (!label || !accept(label)) return undefined;
  node.value = node.value.slice(label.length);
  pruneEmpty(path);
  return label;
}

/** Removes the leading nodes a label left empty, and leading spaces of what follows it. */
function pruneEmpty(path: (Paragraph | PhrasingContent)[]): void {
  for (let i = path.length - 1; i > 0; i--) {
    const node = path[i]!;
    const empty = node.type === 'text' ? node.value === '' : 'children' in node && node.children.length === 0;
    if (!empty) break;
    (path[i - 1] as Paragraph).children.shift();
  }
  const first = paragraphFirstText(path[0] as Paragraph);
  if (first) first.value = first.value.replace(/^[ \t\u3000]+/, '');
}

function paragraphFirstText(paragraph: Paragraph): Text | undefined {
  let node: Paragraph | PhrasingContent = paragraph;
  while ('children' in node && node.children.length > 0) node = node.children[0]!;
  return node.type === 'text' ? node : undefined;
}

/** The Markdown a block was written as, where the file holds it. */
function sourceOf(block: RootContent, file: VFile): string {
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  return start === undefined || end === undefined ? '' : String(file.value).slice(start, Math.min(end, start + 400));
}

function isEmptyParagraph(block: RootContent): boolean {
  return (
    block.type === 'paragraph' && block.children.every((child) => child.type === 'text' && child.value.trim() === '')
  );
}
