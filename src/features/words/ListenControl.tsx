/** Hear a word at three speeds; says so when the device has no Chinese voice, never fails silently. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEEDS, speak, useChineseVoice } from '../../learner/speech';

export function ListenControl({ text }: { text: string }) {
  const { t } = useTranslation();
  const voice = useChineseVoice();
  const [failed, setFailed] = useState(false);
  const messageId = useId();
  const message =
    voice.status === 'none'
      ? t('words.noVoice')
      : voice.status === 'unsupported'
        ? t('words.noSpeech')
        : voice.status === 'loading'
          ? t('words.voiceLoading')
          : failed
            ? t('words.speakFailed')
            : '';
  const usable = voice.status === 'ready';
  return (
    <div className="listen">
      <div role="group" aria-label={t('words.speedGroup', { zh: text })} className="listen__speeds">
        {/* Drawn, not an emoji: not every system has an emoji font. */}
        <svg className="listen__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
          <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        {SPEEDS.map((speed) => (
          <button
            key={speed}
            type="button"
            className="button button--quiet button--small"
            aria-label={t('words.listenAt', { speed })}
            aria-describedby={message ? messageId : undefined}
            aria-disabled={!usable}
            onClick={() => {
              if (voice.status !== 'ready') return;
              setFailed(false);
              speak(text, voice.voice, speed).catch(() => setFailed(true));
            }}
          >
            {speed}×
          </button>
        ))}
      </div>
      <p id={messageId} className="listen__message" role="status">
        {message}
      </p>
    </div>
  );
}
