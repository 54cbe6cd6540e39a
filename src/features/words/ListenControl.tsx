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
        <span aria-hidden="true" className="listen__icon">
          🔊
        </span>
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
