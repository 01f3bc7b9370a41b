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
