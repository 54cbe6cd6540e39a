import { describe, expect, it } from 'vitest';
import { readHostMessage } from '../../../src/app/embedMessages';
import { withEmbed, isEmbedUrl } from '../../../src/store/embed';

describe('the embed postMessage API', () => {
  it('reads the host messages it documents', () => {
    expect(readHostMessage({ type: 'campus-tour:go', campus: 'yubei', stop: 'library' })).toEqual({ type: 'campus-tour:go', campus: 'yubei', stop: 'library' });
    expect(readHostMessage({ type: 'campus-tour:go', campus: 'yubei', stop: 'library', view: { yaw: 10, pitch: 0, fov: 80 } })?.type).toBe('campus-tour:go');
    expect(readHostMessage({ type: 'campus-tour:look', view: { yaw: -170, pitch: 20 } })).toEqual({ type: 'campus-tour:look', view: { yaw: -170, pitch: 20 } });
    expect(readHostMessage({ type: 'campus-tour:where' })).toEqual({ type: 'campus-tour:where' });
  });

  it('ignores anything else: other types, wrong shapes, out-of-range views, extra fields', () => {
    for (const junk of [
      null,
      'campus-tour:where',
      42,
      { type: 'campus-tour:unknown' },
      { type: 'campus-tour:go', campus: '../x', stop: 'library' },
      { type: 'campus-tour:go', campus: 'yubei' },
      { type: 'campus-tour:look', view: { yaw: 200, pitch: 0 } },
      { type: 'campus-tour:look', view: { yaw: 0, pitch: 0, fov: 5 } },
      { type: 'campus-tour:look', view: { yaw: '0', pitch: 0 } },
      { type: 'campus-tour:where', extra: true },
    ]) {
      expect(readHostMessage(junk)).toBeNull();
    }
  });

  it('keeps the embed flag on the URLs an embedded tour writes', () => {
    expect(isEmbedUrl('?yaw=1&embed=1')).toBe(true);
    expect(isEmbedUrl('?embed=0')).toBe(false);
    expect(withEmbed('/en/yubei/library?yaw=1', true)).toBe('/en/yubei/library?yaw=1&embed=1');
    expect(withEmbed('/en/yubei', true)).toBe('/en/yubei?embed=1');
    expect(withEmbed('/en/yubei', false)).toBe('/en/yubei');
  });
});
