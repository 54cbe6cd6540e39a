/** A word card says the word's HSK 3.0 level as the standard names it: a level, the 7–9 band, or not in the lists. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VocabularyWord } from '../../../src/content/schema';
import { WordCard } from '../../../src/features/words/WordCard';
import { renderWithApp } from '../render';

const word = (hsk: VocabularyWord['hsk']): VocabularyWord => ({
  zh: '车间',
  pinyin: 'chējiān',
  en: 'workshop',
  pos: 'noun',
  hsk,
  example: { zh: '我们在车间上课。', en: 'We have class in the workshop.' },
});

function levelShown(hsk: VocabularyWord['hsk'], lang: 'en' | 'zh') {
  const { unmount } = renderWithApp(<WordCard word={word(hsk)} campusId="yubei" stopId="mechanical-workshop" onClose={() => undefined} />, { lang });
  const meta = document.querySelector('.word-card__meta')?.textContent ?? '';
  unmount();
  return meta;
}

describe('a word card’s HSK level', () => {
  it('names a level, the 7–9 band and a word in none of the lists, in both languages', () => {
    expect(levelShown(3, 'en')).toContain('HSK 3');
    expect(levelShown('7-9', 'en')).toContain('HSK 7–9');
    expect(levelShown('beyond', 'en')).toContain('Not in HSK');
    expect(levelShown(3, 'zh')).toContain('HSK 3级');
    expect(levelShown('7-9', 'zh')).toContain('HSK 7–9级');
    expect(levelShown('beyond', 'zh')).toContain('HSK 词表外');
    expect(screen.queryByText(/7-9/)).toBeNull();
  });
});
