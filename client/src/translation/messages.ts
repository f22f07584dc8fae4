import { useCatalogue, useI18n } from '../i18n';

/**
 * The strings of the translation screens, in English and Spanish. They use
 * the app's i18n (its language and its {placeholder} format) but live here,
 * beside the screens, so this area changes without touching the app's
 * catalogues. Spanish must have exactly the English keys.
 */
const en = {
  'tr.title': 'Translation: {title}',
  'tr.sourceColumn': 'Source ({lang})',
  'tr.targetColumn': 'Translation ({lang})',
  'tr.back': 'Back to the {lang} version',
  'tr.open': 'Translate into {lang}',
  'tr.openLabel': 'Translate {title} into {lang}',
  'tr.start.title': 'Start the {lang} translation',
  'tr.start.intro': 'The translation starts with the structure of the {lang} version: one paragraph for each of its paragraphs, each linked to its source.',
  'tr.start.empty': 'Empty paragraphs, to write the translation in',
  'tr.start.copy': 'A copy of the source text, to translate over it',
  'tr.start.submit': 'Start translation',
  'tr.start.noSource': 'There is no {lang} version to translate from.',
  'tr.state.outdated': 'The source changed since this was translated:',
  'tr.state.orphaned': 'Its source paragraph was deleted.',
  'tr.state.missing': 'Not translated yet: a new source paragraph.',
  'tr.state.empty': 'Translate here…',
  'tr.action.markCurrent': 'Mark current',
  'tr.action.add': 'Add a paragraph for it',
  'tr.action.remove': 'Remove',
  'tr.progress': '{translated} of {total} translated',
  'tr.progress.outdated': '{count} outdated',
  'tr.progress.outdatedOne': '{count} outdated',
  'tr.progress.missing': '{count} missing',
  'tr.progress.orphaned': '{count} orphaned',
  'tr.progress.orphanedOne': '{count} orphaned',
  'tr.progressLabel': 'Translation into {lang}',
} as const;

type Key = keyof typeof en;

const es: Record<Key, string> = {
  'tr.title': 'Traducción: {title}',
  'tr.sourceColumn': 'Original ({lang})',
  'tr.targetColumn': 'Traducción ({lang})',
  'tr.back': 'Volver a la versión en {lang}',
  'tr.open': 'Traducir al {lang}',
  'tr.openLabel': 'Traducir {title} al {lang}',
  'tr.start.title': 'Empezar la traducción al {lang}',
  'tr.start.intro': 'La traducción empieza con la estructura de la versión en {lang}: un párrafo por cada uno de los suyos, cada uno enlazado a su original.',
  'tr.start.empty': 'Párrafos vacíos, para escribir la traducción',
  'tr.start.copy': 'Una copia del texto original, para traducir encima',
  'tr.start.submit': 'Empezar la traducción',
  'tr.start.noSource': 'No hay versión en {lang} desde la que traducir.',
  'tr.state.outdated': 'El original cambió desde que se tradujo esto:',
  'tr.state.orphaned': 'Se borró su párrafo original.',
  'tr.state.missing': 'Sin traducir todavía: un párrafo nuevo del original.',
  'tr.state.empty': 'Traduce aquí…',
  'tr.action.markCurrent': 'Marcar al día',
  'tr.action.add': 'Añadir un párrafo para él',
  'tr.action.remove': 'Quitar',
  'tr.progress': '{translated} de {total} traducidos',
  'tr.progress.outdated': '{count} desactualizados',
  'tr.progress.outdatedOne': '{count} desactualizado',
  'tr.progress.missing': '{count} sin traducir',
  'tr.progress.orphaned': '{count} huérfanos',
  'tr.progress.orphanedOne': '{count} huérfano',
  'tr.progressLabel': 'Traducción al {lang}',
};

export type TranslationKey = Key;
export type TranslateText = (key: Key, vars?: Record<string, string | number>) => string;

const CATALOGUES = { en, es } as const;

/** t() for the translation screens, in the member's interface language. */
export function useTranslationText(): { t: TranslateText; langName: (lang: 'en' | 'es') => string } {
  const { t: appT } = useI18n();
  const { lang, t } = useCatalogue<Key>(CATALOGUES);
  return {
    t,
    // Language names inside sentences: Spanish writes them in lower case.
    langName: (l) => (lang === 'es' ? appT(`lang.${l}`).toLowerCase() : appT(`lang.${l}`)),
  };
}
