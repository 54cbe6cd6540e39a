/**
 * A delegate's display name, as the join page and the relay both check it: trimmed, 1–NAME_MAX
 * characters of any script; control and bidi-override/embedding/isolate characters refused. The
 * error is a code the UI translates (liveRoom.nameError.<code>).
 */
import { NAME_MAX } from './protocol';
import { characterCount, hasBidiControl, hasControl } from './textChecks';

export type DisplayNameError = 'empty' | 'too-long' | 'control' | 'bidi';

export type DisplayNameCheck = { ok: true; name: string } | { ok: false; error: DisplayNameError };

export function checkDisplayName(raw: string): DisplayNameCheck {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, error: 'empty' };
  if (hasBidiControl(name)) return { ok: false, error: 'bidi' };
  if (hasControl(name)) return { ok: false, error: 'control' };
  if (characterCount(name) > NAME_MAX) return { ok: false, error: 'too-long' };
  return { ok: true, name };
}
