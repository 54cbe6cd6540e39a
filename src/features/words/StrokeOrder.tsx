/**
 * A word written stroke by stroke with hanzi-writer, each character from the data this app serves
 * (src/learner/hanziPath.ts). The library loads on the first press. With reduced motion the
 * finished characters show at once instead of being drawn.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../../components/useReducedMotion';
import { hanziPath } from '../../learner/hanziPath';

type HanziWriterInstance = { animateCharacter(): Promise<unknown>; showCharacter(): Promise<unknown> };

export function StrokeOrder({ word }: { word: string }) {
  const { t } = useTranslation();
  const reducedMotion = useReducedMotion();
  const [run, setRun] = useState(0);
  const [failed, setFailed] = useState(false);
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  const chars = [...word];

  useEffect(() => {
    if (run === 0) return;
    let live = true;
    setFailed(false);
    void (async () => {
      try {
        const { default: HanziWriter } = await import('hanzi-writer');
        const writers: HanziWriterInstance[] = [];
        for (const [i, char] of chars.entries()) {
          const box = boxes.current[i];
          if (!box || !live) return;
          box.replaceChildren();
          writers.push(
            HanziWriter.create(box, char, {
              width: 112,
              height: 112,
              padding: 6,
              showOutline: true,
              showCharacter: reducedMotion,
              strokeColor: '#8f1d1d',
              outlineColor: '#ddd',
              delayBetweenStrokes: 250,
              charDataLoader: (ch, onLoad, onError) => {
                fetch(hanziPath(ch))
                  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
                  .then(onLoad, (error: unknown) => {
                    if (live) setFailed(true);
                    onError(error);
                  });
              },
            }),
          );
        }
        // One character after the other, as a teacher writes them on the board.
        for (const writer of writers) {
          if (!live) return;
          await (reducedMotion ? writer.showCharacter() : writer.animateCharacter());
        }
      } catch {
        if (live) setFailed(true);
      }
    })();
    return () => {
      live = false;
    };
    // chars comes from word; a new run or word starts over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run, word, reducedMotion]);

  return (
    <div className="strokes">
      <button type="button" className="button button--quiet button--small" onClick={() => setRun((n) => n + 1)}>
        {run === 0 ? t('words.showStrokes') : t('words.replayStrokes')}
      </button>
      {run > 0 && (
        <div className="strokes__row">
          {chars.map((char, i) => (
            <div
              key={`${word}-${i}`}
              className="strokes__char"
              role="img"
              aria-label={t('words.strokesFor', { char })}
              lang="zh-CN"
              ref={(el) => {
                boxes.current[i] = el;
              }}
            />
          ))}
        </div>
      )}
      {failed && <p role="alert">{t('words.strokesFailed')}</p>}
    </div>
  );
}
