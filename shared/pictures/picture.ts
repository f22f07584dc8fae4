import { z } from 'zod';
import { CAPTION_CHARS, CONSENT_NOTE_CHARS, CREDIT_CHARS } from './limits';
import type { Recipe } from './recipe';

/** new: just uploaded; formatted: someone saved a recipe; placed: the layout uses it. */
export const PICTURE_STATES = ['new', 'formatted', 'placed'] as const;
export type PictureState = (typeof PICTURE_STATES)[number];

/** Per-language text; a missing language is an empty string. */
export interface PerLang {
  en: string;
  es: string;
}

/** A picture as the API answers it. */
export interface Picture {
  id: string;
  editionId: string | null;
  articleId: string | null;
  /** Size of the cleaned original (upright). */
  width: number;
  height: number;
  format: 'jpeg' | 'png';
  state: PictureState;
  captions: PerLang;
  /** A credit is a byline ("Photo: Ana / Red Flag"), never a legal name the photographer did not choose. */
  credits: PerLang;
  consentNote: string;
  recipe: Recipe;
  /** Id of the current recipe in the history; changes whenever the recipe does (renditions follow it). */
  recipeId: number;
  canUndo: boolean;
  canRedo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RecipeHistoryEntry {
  id: number;
  parentId: number | null;
  recipe: Recipe;
  createdBy: string | null;
  createdAt: string;
  current: boolean;
}

const perLangPatch = (max: number) =>
  z
    .object({ en: z.string().max(max).optional(), es: z.string().max(max).optional() })
    .strict();

export const picturePatchSchema = z
  .object({
    captions: perLangPatch(CAPTION_CHARS).optional(),
    credits: perLangPatch(CREDIT_CHARS).optional(),
    consentNote: z.string().max(CONSENT_NOTE_CHARS).optional(),
    state: z.enum(PICTURE_STATES).optional(),
    editionId: z.string().min(1).max(40).nullable().optional(),
    articleId: z.string().min(1).max(40).nullable().optional(),
  })
  .strict();
export type PicturePatch = z.infer<typeof picturePatchSchema>;

export const RENDITION_KINDS = ['print', 'web', 'thumb'] as const;
export type RenditionKind = (typeof RENDITION_KINDS)[number];
