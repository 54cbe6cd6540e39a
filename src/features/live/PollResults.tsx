/**
 * A poll's result as bars: one per option, its count and share, and — for the guide — how many
 * answered in each language. The correct options are marked in words, not by colour alone.
 * The bars are decoration: every number is in the text beside them.
 */
import { useUiT } from '../../components/useUiT';
import { htmlLang } from '../../i18n/i18n';
import type { TallyCounts } from '../../live/protocol';
import { percent, type ShownText } from './pollText';
import './PollResults.css';

export function PollResults({
  options,
  all,
  byLang,
  correct,
  mine,
}: {
  options: readonly ShownText[];
  all: TallyCounts;
  /** Per language, for the guide's screen. */
  byLang?: { zh: TallyCounts; en: TallyCounts } | undefined;
  /** Option indices to mark correct (none: a survey, or not revealed). */
  correct?: readonly number[] | undefined;
  /** The reader's own choices, marked "your answer". */
  mine?: readonly number[] | undefined;
}) {
  const ut = useUiT();
  const most = Math.max(1, ...all.counts);
  return (
    <ol className="poll-results">
      {options.map((option, i) => {
        const count = all.counts[i] ?? 0;
        const isCorrect = correct?.includes(i) ?? false;
        return (
          <li key={i} className={`poll-results__option${isCorrect ? ' poll-results__option--correct' : ''}`}>
            <span className="poll-results__label">
              <span lang={htmlLang(option.lang)}>{option.text}</span>
              {isCorrect && <span className="poll-results__tag">✓ {ut('liveRoom.results.correctMark')}</span>}
              {mine?.includes(i) && <span className="poll-results__tag poll-results__tag--mine">{ut('liveRoom.results.mine')}</span>}
            </span>
            <span className="poll-results__bar" aria-hidden="true">
              <span className="poll-results__fill" style={{ inlineSize: `${(count / most) * 100}%` }} />
            </span>
            <span className="poll-results__count">
              {ut('liveRoom.results.count', { count, percent: percent(count, all.total) })}
              {byLang && (
                <span className="poll-results__langs">
                  {ut('liveRoom.results.byLang', { zh: byLang.zh.counts[i] ?? 0, en: byLang.en.counts[i] ?? 0 })}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
