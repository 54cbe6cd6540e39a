/** The visitor's first language and the remembered choice. */
import type { Lang } from '../content/schema';

const KEY = 'cbdo.lang';

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Private mode or storage off: the choice lasts for this visit only.
  }
}

function rememberedLang(): Lang | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'zh' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** A remembered choice first; otherwise the browser's: any Chinese (zh, zh-TW, …) → zh, else en. */
export function preferredLang(browserLanguages: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  const remembered = rememberedLang();
  if (remembered) return remembered;
  const first = browserLanguages[0] ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
