import { langs } from '../../schemas/transcript.ts';

/**
 * Published addresses. A transcript's id is its file path under `content/remarks/` without `.md`;
 * an answer is its exchange's id inside the transcript. These strings become links people share:
 * change them only with redirects.
 */
export function transcriptPath(transcriptId: string): string {
  return `/remarks/${transcriptId}/`;
}

/** The answer inside its transcript: `/remarks/<id>/#q3`. */
export function answerInTranscriptPath(transcriptId: string, exchangeId: string): string {
  return `${transcriptPath(transcriptId)}#${exchangeId}`;
}

/** The answer's own page: `/remarks/<id>/q3/`. The URL people share; listed in content/permalinks.txt. */
export function answerPath(transcriptId: string, exchangeId: string): string {
  return `${transcriptPath(transcriptId)}${exchangeId}/`;
}

/** The share card image of an answer, beside its page. */
export function cardPath(transcriptId: string, exchangeId: string): string {
  return `${answerPath(transcriptId, exchangeId)}card.png`;
}

/**
 * Why a set of transcript files cannot all be published at their addresses, by file id: each
 * segment of an id is part of a URL (lower-case letters, digits, ".", "_" and "-"), the first
 * names the language, and no transcript may sit inside another's address (`en/2019/x/q1.md`
 * beside `en/2019/x.md` would take the place of answer q1's page).
 */
export function addressProblems(ids: string[]): Map<string, string> {
  const problems = new Map<string, string>();
  const all = new Set(ids);
  for (const id of ids) {
    const segments = id.split('/');
    if (!(langs as readonly string[]).includes(segments[0]!) || segments.length < 2) {
      problems.set(
        id,
        'a transcript file goes in the folder of its language: content/remarks/en/… or content/remarks/zh/…',
      );
    } else if (!segments.every((segment) => /^[a-z0-9][a-z0-9._-]*$/.test(segment))) {
      problems.set(
        id,
        'its path is its address: use lower-case letters, digits, "-", "_" and "." in folder and file names (e.g. en/2019/2019-03-12-press-conference.md)',
      );
    } else {
      const parent = segments.slice(0, -1).find((_, i) => all.has(segments.slice(0, i + 1).join('/')));
      if (parent !== undefined) {
        const owner = segments.slice(0, segments.indexOf(parent) + 1).join('/');
        problems.set(
          id,
          `it sits inside the address of ${owner}.md, where that transcript's answer pages are: move it out of the folder ${owner}/`,
        );
      }
    }
  }
  return problems;
}
