/**
 * `t()` for visible text: in the Chinese interface a UI string comes back as nodes that carry pinyin
 * when the visitor turned it on (plain text otherwise, and always in English). Attribute values
 * (aria-label, title) keep using `t()`: a screen reader reads the characters, never the pinyin.
 */
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePinyinData } from '../learner/pinyin';
import { useWords } from '../store/context';
import { Zh } from './Zh';

type Values = Record<string, string | number>;

/** Marks a string value's place in the translated text, so the value can be read as its own text. */
const MARK = '\u0001';

/**
 * One UI string with pinyin. The template's pieces and each interpolated value are read apart: the
 * build read the template around its `{{…}}` (lib/pinyinData.ts) and the content texts whole, so a
 * stop's name keeps its overrides (重庆 chóng) inside "前往{{stop}}".
 */
export function UiString({ k, values }: { k: string; values?: Values | undefined }) {
  const { t } = useTranslation();
  const strings = Object.entries(values ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  // Numbers stay: they choose plurals and carry no Chinese.
  const marked = { ...values, ...Object.fromEntries(strings.map(([name], i) => [name, `${MARK}${i}${MARK}`])) };
  const parts = t(k, marked).split(MARK);
  const on = useWords((s) => s.pinyin);
  const data = usePinyinData(on);
  if (!data) return <>{t(k, values ?? {})}</>;
  // Chrome puts a space around each <rt> when it names a button from its content ("下 一 步"), so
  // assistive technology gets the plain string and the ruby is for the eyes only.
  return (
    <>
      <span className="visually-hidden">{t(k, values ?? {})}</span>
      <span aria-hidden="true">
        {parts.map((part, i) =>
          // Odd parts are the index of a value between two marks.
          i % 2 === 1 ? <Zh key={i} text={strings[Number(part)]?.[1] ?? ''} /> : part && <Zh key={i} text={part} />,
        )}
      </span>
    </>
  );
}

/** `ut(key, values)`: the visible text of a UI string, with pinyin in the Chinese interface. */
export function useUiT(): (key: string, values?: Values) => ReactNode {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh';
  return useCallback((key: string, values?: Values) => (zh ? <UiString k={key} values={values} /> : t(key, values ?? {})), [t, zh]);
}
