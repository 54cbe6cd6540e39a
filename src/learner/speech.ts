/**
 * Hearing a word: the browser's speech synthesis with a Chinese (zh-CN) voice. Voices arrive
 * asynchronously in most browsers (`voiceschanged`), so "no voice" is only said once they had time
 * to arrive; where none is Chinese, the control says so rather than speaking nothing.
 */
import { useEffect, useState } from 'react';

export const SPEEDS = [0.6, 0.8, 1] as const;
export type Speed = (typeof SPEEDS)[number];

/** How long to wait for the voices before telling the visitor there is no Chinese one. */
const VOICES_WAIT_MS = 2500;

export type VoiceState =
  | { status: 'unsupported' | 'loading' | 'none'; voice: null }
  | { status: 'ready'; voice: SpeechSynthesisVoice };

/** The best Chinese voice: Mainland Mandarin first, then any Chinese one. */
export function chineseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return voices.find((v) => lang(v) === 'zh-cn') ?? voices.find((v) => lang(v).startsWith('cmn')) ?? voices.find((v) => lang(v).startsWith('zh')) ?? null;
}

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined' ? window.speechSynthesis : null;
}

export function useChineseVoice(): VoiceState {
  const [state, setState] = useState<VoiceState>(() => {
    const s = synth();
    if (!s) return { status: 'unsupported', voice: null };
    const voice = chineseVoice(s.getVoices());
    return voice ? { status: 'ready', voice } : { status: 'loading', voice: null };
  });
  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = (final: boolean) => {
      const voices = s.getVoices();
      const voice = chineseVoice(voices);
      if (voice) setState({ status: 'ready', voice });
      else if (final || voices.length > 0) setState({ status: 'none', voice: null });
    };
    const onChange = () => update(false);
    s.addEventListener('voiceschanged', onChange);
    update(false);
    const timer = setTimeout(() => update(true), VOICES_WAIT_MS);
    return () => {
      clearTimeout(timer);
      s.removeEventListener('voiceschanged', onChange);
    };
  }, []);
  return state;
}

/** Speaks `text` with `voice` at `rate`; resolves when done, rejects when the browser reports an error. */
export function speak(text: string, voice: SpeechSynthesisVoice, rate: Speed): Promise<void> {
  const s = synth();
  if (!s) return Promise.reject(new Error('no speech synthesis'));
  s.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang || 'zh-CN';
  utterance.rate = rate;
  return new Promise((resolve, reject) => {
    utterance.onend = () => resolve();
    utterance.onerror = (e) => (e.error === 'interrupted' || e.error === 'canceled' ? resolve() : reject(new Error(e.error)));
    s.speak(utterance);
  });
}
