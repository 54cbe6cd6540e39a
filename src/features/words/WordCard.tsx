/** One word: characters with pinyin, meaning, part of speech and HSK level, an example, sound, strokes and a star. */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyWord } from '../../content/schema';
import { Text } from '../../components/Text';
import { useWords, useWordsStore } from '../../store/context';
import { sameWord } from '../../store/wordsStore';
import { ListenControl } from './ListenControl';
import { StrokeOrder } from './StrokeOrder';

interface WordCardProps {
  word: VocabularyWord;
  campusId: string;
  stopId: string;
  onClose(): void;
}

/** The ref is the card's heading, focused when the card opens. */
export const WordCard = forwardRef<HTMLHeadingElement, WordCardProps>(function WordCard({ word, campusId, stopId, onClose }, ref) {
  const { t } = useTranslation();
  const store = useWordsStore();
  const ref_ = { campusId, stopId, zh: word.zh };
  const starred = useWords((s) => s.starred.some((w) => sameWord(w, ref_)));
  const headingId = `word-card-${stopId}-heading`;
  return (
    <section
      className="word-card"
      id={`word-card-${stopId}`}
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="word-card__head">
        <h3 id={headingId} ref={ref} tabIndex={-1} aria-label={t('words.cardLabel', { zh: word.zh })}>
          <span className="word-card__zh" lang="zh-CN">
            {word.zh}
          </span>
          <span className="word-card__pinyin" lang="zh-Latn-pinyin">
            {word.pinyin}
          </span>
        </h3>
        <button type="button" className="icon-button" aria-label={t('words.close')} title={t('words.close')} onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <p className="word-card__en" lang="en">
        {word.en}
      </p>
      <p className="word-card__meta">
        <span>{t(`words.pos.${word.pos}`)}</span>
        <span>{word.hsk === 'beyond' ? t('words.hskBeyond') : t('words.hsk', { level: word.hsk === '7-9' ? '7–9' : word.hsk })}</span>
      </p>
      <div className="word-card__example">
        <h4>{t('words.example')}</h4>
        <Text as="p" value={word.example} lang="zh" />
        <Text as="p" value={word.example} lang="en" className="word-card__example-en" />
      </div>
      <ListenControl text={word.zh} />
      <StrokeOrder word={word.zh} />
      <button
        type="button"
        className="button button--quiet button--small word-card__star"
        aria-pressed={starred}
        onClick={() => store.getState().toggleStar({ ...ref_, pinyin: word.pinyin, en: word.en })}
      >
        {/* The name stays the same whether pressed or not; the star and aria-pressed say which. */}
        <span aria-hidden="true">{starred ? '★' : '☆'}</span> {t('words.starLabel', { zh: word.zh })}
      </button>
    </section>
  );
});
