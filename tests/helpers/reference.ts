import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The reference edition lives beside the checkout in ../shared/bench/ (CI has
 * it there too); tests read it in place and never copy it.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REFERENCE_EDITION = path.resolve(REPO_ROOT, '..', 'shared', 'bench', 'edition.json');
