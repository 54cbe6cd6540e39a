/** Turns pinyin above Chinese text on and off, in either language of the interface; remembered. */
import { useTranslation } from 'react-i18next';
import { loadPinyin } from '../learner/pinyin';
import { useWords, useWordsStore } from '../store/context';
import './pinyin.css';

export function PinyinToggle() {
  const { t } = useTranslation();
  const store = useWordsStore();
  const on = useWords((s) => s.pinyin);
  return (
    <button
      type="button"
      className="pinyin-toggle"
      aria-pressed={on}
      title={t('pinyin.hint')}
      // Starting the download on hover or focus makes the pinyin appear as soon as it is pressed.
      onPointerEnter={() => void loadPinyin().catch(() => undefined)}
      onClick={() => store.getState().setPinyin(!on)}
    >
      <span aria-hidden="true" className="pinyin-toggle__mark">
        pīn
      </span>
      {t('pinyin.toggle')}
    </button>
  );
}
