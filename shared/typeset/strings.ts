import type { Lang } from '../languages';

/** The jump line set at the foot of a frame whose story continues on another page. */
export function jumpLine(lang: Lang, page: number): string {
  return lang === 'es' ? `Sigue en la página ${page}` : `Continued on page ${page}`;
}
