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
