/**
 * "Embed": the `<iframe>` snippet that puts this place and view in another site's page (a school's
 * website), at the width and height the visitor chooses. The framed page is the embed mode
 * (`?embed=1`), the one URL the server lets another site frame.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copyText';
import { ToolDialog } from './ToolDialog';

interface EmbedDialogProps {
  /** The absolute deep link of the place and view (without the embed flag). */
  url: string;
  /** The frame's title (screen readers name the frame by it on the host page). */
  title: string;
  onClose(): void;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The snippet a host page pastes; what the frame may use (full screen, motion sensors, VR) is delegated to it. */
export function embedSnippet(url: string, title: string, width: number, height: number): string {
  const src = new URL(url);
  src.searchParams.set('embed', '1');
  return `<iframe src="${escapeAttribute(src.href)}" width="${width}" height="${height}" title="${escapeAttribute(title)}" allow="fullscreen; accelerometer; gyroscope; xr-spatial-tracking" allowfullscreen loading="lazy" style="border:0"></iframe>`;
}

const clampSize = (value: string, fallback: number) => {
  const n = Math.round(Number(value));
  return Number.isFinite(n) && n >= 200 && n <= 4000 ? n : fallback;
};

export function EmbedDialog({ url, title, onClose }: EmbedDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [width, setWidth] = useState('800');
  const [height, setHeight] = useState('450');
  const [status, setStatus] = useState('');
  const snippet = embedSnippet(url, title, clampSize(width, 800), clampSize(height, 450));
  const copy = async () => {
    const ok = await copyText(snippet, field.current);
    setStatus(ok ? t('viewerTools.embedCopied') : t('viewerTools.copyFailed'));
  };
  return (
    <ToolDialog title={t('viewerTools.embedTitle')} onClose={onClose} className="embed-dialog">
      <div className="tool-dialog__size">
        <label htmlFor={`${id}-w`}>
          {t('viewerTools.width')}
          <input id={`${id}-w`} type="number" inputMode="numeric" min={200} max={4000} step={10} value={width} onChange={(e) => setWidth(e.target.value)} />
        </label>
        <label htmlFor={`${id}-h`}>
          {t('viewerTools.height')}
          <input id={`${id}-h`} type="number" inputMode="numeric" min={200} max={4000} step={10} value={height} onChange={(e) => setHeight(e.target.value)} />
        </label>
      </div>
      <label className="tool-dialog__label" htmlFor={`${id}-code`}>
        {t('viewerTools.embedCode')}
      </label>
      <textarea id={`${id}-code`} ref={field} className="tool-dialog__field" readOnly value={snippet} rows={5} onFocus={(e) => e.currentTarget.select()} />
      <p className="tool-dialog__buttons">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('viewerTools.copyCode')}
        </button>
      </p>
      <p className="tool-dialog__status" role="status" aria-live="polite">
        {status}
      </p>
    </ToolDialog>
  );
}
