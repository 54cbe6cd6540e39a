import { describe, expect, it } from 'vitest';
import { uiResources } from '../../../src/i18n/i18n';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function leaves(obj: object): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? leaves(v as object).map(([kk, vv]) => [`${k}.${kk}`, vv] as [string, string]) : [[k, String(v)]],
  );
}

describe('UI strings', () => {
  it('exist in Chinese and English with the same keys', () => {
    expect(keys(uiResources.zh).sort()).toEqual(keys(uiResources.en).sort());
  });

  it('are never empty, and the Chinese ones are in Chinese', () => {
    for (const [key, value] of leaves(uiResources.zh)) {
      expect(value.trim(), key).not.toBe('');
      // Language names are shown in their own language in both files.
      if (!key.startsWith('lang.') && !key.endsWith('linkCaption')) expect(value, key).toMatch(/\p{Script=Han}/u);
    }
    for (const [key, value] of leaves(uiResources.en)) {
      expect(value.trim(), key).not.toBe('');
      if (!key.startsWith('lang.')) expect(value, key).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const zh = Object.fromEntries(leaves(uiResources.zh));
    for (const [key, value] of leaves(uiResources.en)) expect(vars(zh[key] ?? ''), key).toEqual(vars(value));
  });
});
