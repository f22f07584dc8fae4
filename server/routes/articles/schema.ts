import { z } from 'zod';
import { LIMITS } from '../../../shared/limits';
import { id, lang, requiredText, text } from '../fields';

const languages = z
  .array(lang)
  .min(1, 'must list at least one language')
  .max(2, 'must list at most two languages')
  .refine((l) => new Set(l).size === l.length, 'must not list a language twice');

export const createArticleBody = z.strictObject({
  title: requiredText(LIMITS.titleChars),
  editionId: id.nullable().optional(),
  languages: languages.optional(),
  section: text(LIMITS.sectionChars).optional(),
  collectiveId: id.nullable().optional(),
});

export const patchArticleBody = z.strictObject({
  title: requiredText(LIMITS.titleChars).optional(),
  section: text(LIMITS.sectionChars).optional(),
  editionId: id.nullable().optional(),
  collectiveId: id.nullable().optional(),
  archived: z.boolean('must be true or false').optional(),
});

export const listArticlesQuery = z.object({
  /** An edition id, or "none" for the pool of unplaced stories. */
  editionId: z.union([z.literal('none'), id]).optional(),
  archived: z.enum(['0', '1'], 'must be 0 or 1').optional(),
});
