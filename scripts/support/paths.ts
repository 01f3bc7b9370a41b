import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The shared data folder (seeds, corpus) beside the repository, or LECTERN_SHARED. Tests that
 * need it read it where it is: its texts are never copied into the repository.
 */
export const sharedDir = process.env.LECTERN_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));

export const hasShared = existsSync(sharedDir);
