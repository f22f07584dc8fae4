import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Lang } from '../../../shared/languages';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';

const CATALOGUES: Record<Lang, Messages> = { en, es };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  t: Translate;
}

/** Fills {name} placeholders; an unknown placeholder stays visible so it gets noticed. */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(lang: Lang): Translate {
  const messages = CATALOGUES[lang];
  return (key, vars) => format(messages[key], vars);
}

/** Before anyone logs in, the browser's preferred language decides. */
export function browserLang(): Lang {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}

const I18nContext = createContext<I18n>({ lang: 'en', t: translator('en') });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * t() over an area's own catalogue (pictures, layout, work, translation keep
 * their strings beside their screens), in the member's interface language.
 */
export function useCatalogue<K extends string>(catalogues: Record<Lang, Record<K, string>>): {
  lang: Lang;
  t: (key: K, vars?: Record<string, string | number>) => string;
} {
  const { lang } = useI18n();
  const messages = catalogues[lang];
  return { lang, t: (key, vars) => format(messages[key], vars) };
}
