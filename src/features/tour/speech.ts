/**
 * Narration through the browser's own speech synthesis: a zh-CN voice for Chinese, an English voice
 * for English, where the device has one. Nothing is fetched; where no voice exists, we say so.
 */
import { useEffect, useState } from 'react';
import type { Lang } from '../../content/schema';

const synth = (): SpeechSynthesis | undefined => (typeof window !== 'undefined' ? window.speechSynthesis : undefined);

/** The device's voices, kept current: browsers load them after the page. */
export function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth()?.getVoices() ?? []);
  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = () => setVoices(s.getVoices());
    update();
    s.addEventListener?.('voiceschanged', update);
    return () => s.removeEventListener?.('voiceschanged', update);
  }, []);
  return voices;
}

/** The best voice for a language: mainland Chinese first for zh. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: Lang): SpeechSynthesisVoice | undefined {
  const norm = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
  if (lang === 'zh') return voices.find((v) => norm(v) === 'zh-cn') ?? voices.find((v) => norm(v).startsWith('zh'));
  return voices.find((v) => norm(v).startsWith('en'));
}

/** Speaks `text`; calls `onEnd` when it finishes. Returns a function that stops it. */
export function speak(text: string, voice: SpeechSynthesisVoice, rate: number, onEnd: () => void): () => void {
  const s = synth();
  if (!s) return () => undefined;
  let stopped = false;
  try {
    s.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rate;
    utterance.onend = () => {
      if (!stopped) onEnd();
    };
    s.speak(utterance);
  } catch (error) {
    // A broken speech engine must not stop the tour: the captions carry on, autoplay moves on.
    console.warn('speech synthesis failed', error);
    setTimeout(() => !stopped && onEnd(), 0);
  }
  return () => {
    stopped = true;
    s.cancel();
  };
}
