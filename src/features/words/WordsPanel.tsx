/**
 * "Words here": the stop's vocabulary in the side column, each word a button that opens its card.
 * The card also opens from a marked word in an info panel (the store's `openWord`), and takes the
 * focus either way; closing it gives the focus back to the word's button.
 */
import { useEffect, useRef } from 'react';
import { useUiT } from '../../components/useUiT';
import type { Campus, Stop } from '../../content/schema';
import { useStopVocabulary } from '../../learner/vocabulary';
import { useWords, useWordsStore } from '../../store/context';
import { WordCard } from './WordCard';
import './words.css';

export function WordsPanel({ campus, stop }: { campus: Campus; stop: Stop }) {
  const ut = useUiT();
  const store = useWordsStore();
  const words = useStopVocabulary(campus.id, stop.id);
  const open = useWords((s) => s.openWord);
  const openWord = open && open.campusId === campus.id && open.stopId === stop.id ? words.find((w) => w.zh === open.zh) : undefined;
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (openWord) cardHeading.current?.focus();
  }, [openWord]);

  // A card left open on another stop does not follow the visitor.
  useEffect(() => () => store.getState().open(null), [store, campus.id, stop.id]);

  if (words.length === 0) return null;
  const close = () => {
    const zh = openWord?.zh;
    store.getState().open(null);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-word="${zh}"]`)?.focus());
  };
  return (
    <section aria-labelledby="words-heading" className="side-section words-panel" id="words-here">
      <h2 id="words-heading">{ut('words.heading')}</h2>
      <p className="words-panel__intro">{ut('words.intro')}</p>
      <ul className="word-list" ref={list}>
        {words.map((w) => (
          <li key={w.zh}>
            <button
              type="button"
              className="word-list__button"
              data-word={w.zh}
              aria-expanded={openWord?.zh === w.zh}
              aria-controls={openWord?.zh === w.zh ? `word-card-${stop.id}` : undefined}
              onClick={() => store.getState().open(openWord?.zh === w.zh ? null : { campusId: campus.id, stopId: stop.id, zh: w.zh })}
            >
              <span className="word-list__zh" lang="zh-CN">
                {w.zh}
              </span>
              <span className="word-list__pinyin" lang="zh-Latn-pinyin">
                {w.pinyin}
              </span>
              <span className="word-list__en" lang="en">
                {w.en}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {openWord && <WordCard ref={cardHeading} word={openWord} campusId={campus.id} stopId={stop.id} onClose={close} />}
    </section>
  );
}
