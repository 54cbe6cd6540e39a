import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en.json';
import zh from '../../../src/i18n/zh.json';
import { LiveJoinPage } from '../../../src/features/live/LiveJoinPage';
import { urlToState } from '../../../src/store/paths';
import { renderWithApp } from '../render';


/** The one alert that says something (the join form keeps an empty one ready for its own errors). */
const spokenAlert = () => {
  const said = screen.getAllByRole('alert').filter((el) => el.textContent !== '');
  expect(said).toHaveLength(1);
  return said[0];
};

describe('a join link with an impossible code', () => {
  it('says what is wrong with the code, in the delegate’s language, and offers to type it again', () => {
    // O is not in the codes' alphabet (it reads like 0).
    const fromUrl = urlToState('/en/live/OOOOOO', '');
    expect(fromUrl.place).toEqual({ page: 'live', code: 'OOOOOO' });
    const { liveSession } = renderWithApp(<LiveJoinPage code="OOOOOO" />);
    expect(spokenAlert()).toHaveTextContent(en.live.codeInvalid.replace('{{code}}', 'OOOOOO'));
    expect(screen.queryByText(en.live.errors['bad-message'])).toBeNull();
    // No button that would connect with it: only the form to type the code again.
    expect(screen.getAllByRole('button', { name: en.live.join })).toEqual([screen.getByRole('button', { name: en.live.join })]);
    expect(screen.getByRole('button', { name: en.live.join })).toHaveAttribute('type', 'submit');
    expect(screen.getByLabelText(en.live.codeLabel)).toBeInTheDocument();
    expect(liveSession.getState().role).toBeNull();
  });

  it('in Chinese too', () => {
    renderWithApp(<LiveJoinPage code="K7QX2I" />, { lang: 'zh' });
    expect(spokenAlert()).toHaveTextContent(zh.live.codeInvalid.replace('{{code}}', 'K7QX2I'));
  });
});
