/**
 * Chinese text, with pinyin above it when the visitor turned pinyin on: `<ruby>` runs whose `<rt>`
 * is hidden from assistive technology, so a screen reader reads the characters once and not the
 * syllables as well (tests/e2e/words.test.ts reads the accessibility tree).
 */
import { Fragment } from 'react';
import { rubyRuns, usePinyinData, type TextWithin } from '../learner/pinyin';
import { useWords } from '../store/context';

/** `within`: where `text` is a piece of a longer content text, which the build read as a whole. */
export function Zh({ text, within }: { text: string; within?: TextWithin | undefined }) {
  const on = useWords((s) => s.pinyin);
  const data = usePinyinData(on);
  if (!data) return <>{text}</>;
  return (
    <>
      {rubyRuns(text, data, within).map((run, i) =>
        'text' in run ? (
          run.text
        ) : (
          <ruby key={i} className="pinyin">
            {run.chars.map(({ char, reading }, k) => (
              <Fragment key={k}>
                {char}
                <rt aria-hidden="true">{reading}</rt>
              </Fragment>
            ))}
          </ruby>
        ),
      )}
    </>
  );
}
