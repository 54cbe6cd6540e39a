/** On-screen buttons for everything a drag, pinch or key does: no gesture is the only way. */
import { useTranslation } from 'react-i18next';
import type { View } from '../../content/schema';
import { panBy, stepFor, zoomBy } from '../../viewer/viewMath';

interface ViewControlsProps {
  view: View;
  initialView: View;
  onChange(view: View): void;
}

export function ViewControls({ view, initialView, onChange }: ViewControlsProps) {
  const { t } = useTranslation();
  const step = stepFor(view);
  const buttons: { key: string; label: string; icon: string; next: () => View }[] = [
    { key: 'left', label: t('stop.lookLeft'), icon: '◀', next: () => panBy(view, -step, 0) },
    { key: 'up', label: t('stop.lookUp'), icon: '▲', next: () => panBy(view, 0, step) },
    { key: 'down', label: t('stop.lookDown'), icon: '▼', next: () => panBy(view, 0, -step) },
    { key: 'right', label: t('stop.lookRight'), icon: '▶', next: () => panBy(view, step, 0) },
    { key: 'in', label: t('stop.zoomIn'), icon: '+', next: () => zoomBy(view, 0.8) },
    { key: 'out', label: t('stop.zoomOut'), icon: '−', next: () => zoomBy(view, 1.25) },
    { key: 'reset', label: t('stop.resetView'), icon: '⟲', next: () => initialView },
  ];
  return (
    <div className="view-controls" role="group" aria-label={t('stop.controls')}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className={`view-button view-controls__${b.key}`}
          aria-label={b.label}
          title={b.label}
          onClick={() => onChange(b.next())}
        >
          <span aria-hidden="true">{b.icon}</span>
        </button>
      ))}
    </div>
  );
}
