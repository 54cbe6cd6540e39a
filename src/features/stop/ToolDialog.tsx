/**
 * A modal dialog for the view's tools (share, embed): the browser's own `<dialog>`, so it traps
 * focus, closes on Esc, gives focus back to its opener, and shows above a view in full screen
 * (the top layer). Rendered only while open.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ToolDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function ToolDialog({ title, onClose, children, className }: ToolDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`tool-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      onCancel={(e) => {
        // Esc: the app closes it (and so un-renders it), not the browser behind React's back.
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // The key stays in the dialog: full screen and presenter mode behind it do not also act on it.
        if (e.key === 'Escape' || e.key === 'f' || e.key === 'F') e.stopPropagation();
      }}
    >
      <div className="tool-dialog__head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('viewerTools.close')} title={t('viewerTools.close')} onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {children}
    </dialog>
  );
}
