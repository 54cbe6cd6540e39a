/** On-screen buttons for everything a drag, pinch or key does: no gesture is the only way. Their
 * symbols are the 3D overview's (viewer/viewIcons). */
import { useTranslation } from 'react-i18next';
import type { View } from '../../content/schema';
import { panBy, stepFor, zoomBy } from '../../viewer/viewMath';
import { ViewIcon, type ViewIconName } from '../../viewer/viewIcons';

interface ViewControlsProps {
  view: View;
  initialView: View;
  onChange(view: View): void;
}

export function ViewControls({ view, initialView, onChange }: ViewControlsProps) {
  const { t } = useTranslation();
  const step = stepFor(view);
  const buttons: { key: string; label: string; icon: ViewIconName; next: () => View }[] = [
    { key: 'left', label: t('stop.lookLeft'), icon: 'left', next: () => panBy(view, -step, 0) },
    { key: 'right', label: t('stop.lookRight'), icon: 'right', next: () => panBy(view, step, 0) },
    { key: 'up', label: t('stop.lookUp'), icon: 'up', next: () => panBy(view, 0, step) },
    { key: 'down', label: t('stop.lookDown'), icon: 'down', next: () => panBy(view, 0, -step) },
    { key: 'in', label: t('stop.zoomIn'), icon: 'zoomIn', next: () => zoomBy(view, 0.8) },
    { key: 'out', label: t('stop.zoomOut'), icon: 'zoomOut', next: () => zoomBy(view, 1.25) },
    { key: 'reset', label: t('stop.resetView'), icon: 'reset', next: () => initialView },
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
          <ViewIcon name={b.icon} />
        </button>
      ))}
    </div>
  );
}
