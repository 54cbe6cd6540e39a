/** Content text in the visitor's language, tagged with its `lang` so screen readers pronounce it right. */
import type { ElementType } from 'react';
import type { Lang, LocalizedText } from '../content/schema';
import { htmlLang } from '../i18n/i18n';
import { useLang } from '../store/context';
import { keepTogether } from './keepTogether';

interface TextProps {
  value: LocalizedText;
  /** Show this language whatever the visitor reads (e.g. the Chinese name beside the English one). */
  lang?: Lang;
  as?: ElementType | undefined;
  className?: string;
  id?: string;
}

export function Text({ value, lang, as: Tag = 'span', className, id }: TextProps) {
  const current = useLang();
  const shown = lang ?? current;
  return (
    <Tag lang={htmlLang(shown)} className={className} id={id}>
      {shown === 'zh'
        ? keepTogether(value[shown]).map((piece, i) =>
            piece.together ? (
              <span key={i} className="nobreak">
                {piece.text}
              </span>
            ) : (
              piece.text
            ),
          )
        : value[shown]}
    </Tag>
  );
}
