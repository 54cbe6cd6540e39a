/**
 * What stands in for a 3D view that cannot be shown (no WebGL, or it failed): a still picture of
 * the place, the reason, and a way to try again where trying again can help.
 */
import { useTranslation } from 'react-i18next';

export function StageFallback({ picture, message, retry, className }: { picture?: string | undefined; message: string; retry?: (() => void) | undefined; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className ? `stage-fallback ${className}` : 'stage-fallback'} role="status">
      {picture && <img src={picture} alt="" width={640} height={360} />}
      <p>{message}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t('stop.retry')}
        </button>
      )}
    </div>
  );
}
