/**
 * A transcript that breaks the format. The message names the file and line and says what to do,
 * in the form editors' tools understand: `content/remarks/en/2019/x.md:12: ...`.
 */
export class TranscriptError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;

  constructor(file: string, line: number | undefined, reason: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'TranscriptError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** The line a vfile message (from `file.fail`) points at, if it is one. */
export function messageLine(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'line' in error && typeof error.line === 'number') return error.line;
  return undefined;
}

/** The reason of a vfile message without its position prefix, else the error's message. */
export function messageReason(error: unknown): string {
  if (error && typeof error === 'object' && 'reason' in error && typeof error.reason === 'string') return error.reason;
  return error instanceof Error ? error.message : String(error);
}
