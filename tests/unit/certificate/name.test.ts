/** The certificate name rules, as the page and the server both apply them. */
import { describe, expect, it } from 'vitest';
import { checkName, NAME_MESSAGES } from '../../../src/certificate/name';

describe('checkName', () => {
  it.each([
    ['Latin', 'Anna Müller'],
    ['Cyrillic', 'Анна Иванова'],
    ['Arabic', 'فاطمة الزهراء'],
    ['Urdu', 'عائشہ خان'],
    ['Lao', 'ສົມພອນ ແສງທອງ'],
    ['Chinese', '王小明'],
  ])('accepts a name in %s script', (_script, name) => {
    expect(checkName(name)).toEqual({ ok: true, name });
  });

  it('trims and normalizes to NFC', () => {
    expect(checkName('  Zoe\u0301  ')).toEqual({ ok: true, name: 'Zoé' });
  });

  it('counts characters, not UTF-16 units: 80 are allowed, 81 are not', () => {
    expect(checkName('𠀀'.repeat(80)).ok).toBe(true);
    expect(checkName('a'.repeat(81))).toMatchObject({ ok: false, error: 'name-too-long' });
  });

  it.each([
    ['empty', '', 'name-empty'],
    ['only spaces', '   \u3000 ', 'name-empty'],
    ['a line break', 'Anna\nMüller', 'name-control'],
    ['a tab', 'Anna\tMüller', 'name-control'],
    ['a NUL', 'Anna\u0000', 'name-control'],
    ['a C1 control', 'Anna\u0085', 'name-control'],
    ['a right-to-left override', 'Anna\u202Egnp.exe', 'name-bidi'],
    ['a left-to-right embedding', '\u202AAnna', 'name-bidi'],
    ['an isolate', 'Anna\u2067x\u2069', 'name-bidi'],
    ['a right-to-left mark', 'Anna\u200F', 'name-bidi'],
    ['a left-to-right mark', 'Anna\u200E', 'name-bidi'],
    ['the Arabic letter mark', 'فاطمة\u061C', 'name-bidi'],
    ['HTML', '<img src=x onerror=alert(1)>', 'name-html'],
    ['a lone >', 'Anna > Bob', 'name-html'],
  ])('refuses %s with its code and a message in both languages', (_what, name, error) => {
    const result = checkName(name);
    expect(result).toEqual({ ok: false, error, message: NAME_MESSAGES[error as keyof typeof NAME_MESSAGES] });
    if (!result.ok) {
      expect(result.message.zh).not.toBe('');
      expect(result.message.en).not.toBe('');
    }
  });
});
