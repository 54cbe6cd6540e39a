/**
 * "Share": the link of the place and view on screen (the app's own deep link, tour step included),
 * to copy, to hand to the platform's share sheet where there is one, and as a QR code — a teacher
 * can put a particular view on a slide.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQrSvg } from '../../components/useQrSvg';
import { copyText } from './copyText';
import { ToolDialog } from './ToolDialog';

interface ShareDialogProps {
  /** The absolute link to share. */
  url: string;
  /** The place's name, for the share sheet's title. */
  title: string;
  onClose(): void;
}

export function ShareDialog({ url, title, onClose }: ShareDialogProps) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const qr = useQrSvg(url);
  const canShare = typeof navigator.share === 'function';
  const copy = async () => {
    const ok = await copyText(url, field.current);
    setStatus(ok ? t('viewerTools.copied') : t('viewerTools.copyFailed'));
  };
  const share = () => {
    navigator.share({ title, url }).catch(() => undefined);
  };
  return (
    <ToolDialog title={t('viewerTools.shareTitle')} onClose={onClose} className="share-dialog">
      <label className="tool-dialog__label" htmlFor="share-link">
        {t('viewerTools.shareLink')}
      </label>
      <input id="share-link" ref={field} className="tool-dialog__field" type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <p className="tool-dialog__buttons">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('viewerTools.copyLink')}
        </button>
        {canShare && (
          <button type="button" className="button button--quiet" onClick={share}>
            {t('viewerTools.shareVia')}
          </button>
        )}
      </p>
      <p className="tool-dialog__status" role="status" aria-live="polite">
        {status}
      </p>
      {qr && <div className="tool-dialog__qr" role="img" aria-label={t('viewerTools.qr')} dangerouslySetInnerHTML={{ __html: qr }} />}
    </ToolDialog>
  );
}
