/**
 * Presenter mode for a teacher at a projector: the keys a presentation clicker sends, a blank
 * screen, the help card. Keys work whatever has focus, except in a text field.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { usePresenter, usePresenterStore, useVisitStore } from '../../store/context';
import { toggleFullscreen, usePresenterMode } from './presenterMode';
import { useTour } from './useTour';

const NEXT = new Set(['PageDown', 'ArrowRight', ' ', 'Spacebar']);
const PREVIOUS = new Set(['PageUp', 'ArrowLeft']);

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

/**
 * Does the focused element use this key itself? Then the clicker leaves it alone (WCAG 2.1.1):
 * Space and Enter press a focused button or link, arrows turn the panorama or move in a list.
 */
function focusUsesKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (key === ' ' || key === 'Spacebar' || key === 'Enter') {
    return target.closest('button, a[href], summary, input, select, textarea, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="tab"]') !== null;
  }
  if (key.startsWith('Arrow')) return target.closest('.pano, select, input, textarea, [role="slider"], [role="listbox"], [role="radiogroup"], [role="tablist"]') !== null;
  return false;
}

/**
 * Clicker keys while `active`; `next` and `previous` move the tour. Esc closes the innermost
 * thing first: the key card, the blank screen, then what `closeInner` closes (an open panel;
 * it says whether there was one), and only then presenter mode.
 */
export function usePresenterKeys(active: boolean, next: () => void, previous: () => void, closeInner?: () => boolean) {
  const store = usePresenterStore();
  const mode = usePresenterMode();
  const moves = useRef({ next, previous, closeInner });
  moves.current = { next, previous, closeInner };
  useEffect(() => {
    if (!active) return;
    const presenter = store.getState();
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTextField(e.target) || focusUsesKey(e.target, e.key)) return;
      const { help, blank } = store.getState();
      let handled = true;
      if (NEXT.has(e.key)) moves.current.next();
      else if (PREVIOUS.has(e.key)) moves.current.previous();
      else if (e.key === 'b' || e.key === 'B' || e.key === '.') presenter.toggle('blank');
      else if (e.key === 'f' || e.key === 'F') toggleFullscreen();
      else if (e.key === '?') presenter.toggle('help');
      else if (e.key === 'Escape') {
        // A panel with focus inside closes itself (and gives focus back to its opener).
        if (!help && e.target instanceof Element && e.target.closest('.info-panel')) return;
        if (help) presenter.toggle('help');
        else if (blank) presenter.toggle('blank');
        else if (!moves.current.closeInner?.()) mode.leave();
      } else handled = false;
      if (handled) {
        // Capture phase: a focused button or the panorama must not also act on the key.
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [active, store, mode]);
}

export function PresenterHelp() {
  const ut = useUiT();
  const open = usePresenter((s) => s.help);
  const toggle = usePresenter((s) => s.toggle);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => previous?.focus();
  }, [open]);
  if (!open) return null;
  const rows: [string, ReactNode][] = [
    ['Page Down · → · Space', ut('presenterHelp.next')],
    ['Page Up · ←', ut('presenterHelp.previous')],
    ['B · .', ut('presenterHelp.blank')],
    ['F', ut('presenterHelp.fullscreen')],
    ['Esc', ut('presenterHelp.leave')],
    ['?', ut('presenterHelp.help')],
  ];
  return (
    <div
      className="presenter-help"
      role="dialog"
      aria-modal="true"
      aria-labelledby="presenter-help-title"
      // A modal card keeps Tab inside it; its one control is Close (Esc closes it too).
      onKeyDown={(e) => {
        if (e.key !== 'Tab') return;
        e.preventDefault();
        close.current?.focus();
      }}
    >
      <h2 id="presenter-help-title">{ut('presenterHelp.title')}</h2>
      <dl className="facts">
        {rows.map(([keys, action]) => (
          <div key={keys} className="facts__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <button ref={close} type="button" className="button" onClick={() => toggle('help')}>
        {ut('presenterHelp.close')}
      </button>
    </div>
  );
}

export function BlankScreen() {
  const { t } = useTranslation();
  const blank = usePresenter((s) => s.blank);
  if (!blank) return null;
  return (
    <div className="blank-screen" role="status">
      <span className="visually-hidden">{t('tour.blanked')}</span>
    </div>
  );
}

/** Everything presenter mode adds to the page: the keys, the blank screen, the help card. */
export function PresenterLayer({ onStop }: { onStop: boolean }) {
  const presenting = usePresenter((s) => s.presenting);
  const { leave } = usePresenterMode();
  const { next, previous } = useTour();
  const store = useVisitStore();
  const closePanel = () => {
    if (!store.getState().openHotspotId) return false;
    store.getState().openHotspot(null);
    return true;
  };
  usePresenterKeys(presenting, next, previous, closePanel);
  useEffect(() => {
    document.documentElement.classList.toggle('is-presenting', presenting);
  }, [presenting]);
  // Presenter mode hides the site's navigation; away from a stop it would leave no way on.
  useEffect(() => {
    if (presenting && !onStop) leave();
  }, [presenting, onStop, leave]);
  return (
    <>
      <BlankScreen />
      <PresenterHelp />
    </>
  );
}
