import { z } from 'zod';
import { LIMITS } from '../../../shared/limits';
import { lang, requiredText } from '../fields';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-05-01')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date');
const number = z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(1_000_000, 'is too large');
const languages = z
  .array(lang)
  .min(1, 'must list at least one language')
  .max(2, 'must list at most two languages')
  .refine((l) => new Set(l).size === l.length, 'must not list a language twice');
const pageCount = z.number('must be a number').int('must be a whole number').min(1, 'must be at least 1').max(96, 'must be at most 96');
const status = z.enum(['planning', 'production', 'proofing', 'published'], 'must be planning, production, proofing or published');

export const createEditionBody = z.strictObject({
  number,
  title: requiredText(LIMITS.titleChars),
  date: isoDate.nullable().optional(),
  languages: languages.optional(),
  pageCount: pageCount.optional(),
});

export const patchEditionBody = z.strictObject({
  number: number.optional(),
  title: requiredText(LIMITS.titleChars).optional(),
  date: isoDate.nullable().optional(),
  pageCount: pageCount.optional(),
  status: status.optional(),
  archived: z.boolean('must be true or false').optional(),
});

export const listEditionsQuery = z.object({
  archived: z.enum(['0', '1'], 'must be 0 or 1').optional(),
});
