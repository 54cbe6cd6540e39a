/**
 * Chinese content text with the stop's vocabulary marked in it ("hotspot words"): each word a
 * button that opens its word card. Pinyin, when on, is read from the whole text as everywhere.
 */
import type { ElementType } from 'react';
import { useTranslation } from 'react-i18next';
import { Zh } from '../../components/Zh';
import { markWords } from '../../learner/vocabulary';
import './MarkedText.css';

interface MarkedTextProps {
  text: string;
  words: readonly string[];
  onWord(zh: string): void;
  as?: ElementType | undefined;
  className?: string | undefined;
}

export function MarkedText({ text, words, onWord, as: Tag = 'span', className }: MarkedTextProps) {
  const { t } = useTranslation();
  let offset = 0;
  return (
    <Tag lang="zh-CN" className={className}>
      {markWords(text, words).map((piece, i) => {
        const within = { whole: text, offset };
        offset += [...piece.text].length;
        return piece.word ? (
          <button key={i} type="button" className="hotspot-word" title={t('words.hotspotWord', { zh: piece.text })} onClick={() => onWord(piece.text)}>
            <Zh text={piece.text} within={within} />
          </button>
        ) : (
          <Zh key={i} text={piece.text} within={within} />
        );
      })}
    </Tag>
  );
}
