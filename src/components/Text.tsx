/** Content text in the visitor's language, tagged with its `lang` so screen readers pronounce it right. */
import type { ElementType } from 'react';
import type { Lang, LocalizedText } from '../content/schema';
import { htmlLang } from '../i18n/i18n';
import { useLang } from '../store/context';
import { keepTogether } from './keepTogether';
import { Zh } from './Zh';

interface TextProps {
  value: LocalizedText;
  /** Show this language whatever the visitor reads (e.g. the Chinese name beside the English one). */
  lang?: Lang;
  as?: ElementType | undefined;
  className?: string;
  id?: string;
}

/** Chinese content text: no-break runs kept together, pinyin read from the whole text. */
export function ZhPieces({ text }: { text: string }) {
  let offset = 0;
  return (
    <>
      {keepTogether(text).map((piece, i) => {
        const within = { whole: text, offset };
        offset += [...piece.text].length;
        return piece.together ? (
          <span key={i} className="nobreak">
            <Zh text={piece.text} within={within} />
          </span>
        ) : (
          <Zh key={i} text={piece.text} within={within} />
        );
      })}
    </>
  );
}

export function Text({ value, lang, as: Tag = 'span', className, id }: TextProps) {
  const current = useLang();
  const shown = lang ?? current;
  return (
    <Tag lang={htmlLang(shown)} className={className} id={id}>
      {shown === 'zh' ? <ZhPieces text={value.zh} /> : value[shown]}
    </Tag>
  );
}
