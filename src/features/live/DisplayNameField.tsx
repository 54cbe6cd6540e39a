/**
 * The optional display name on joining a live tour: 1–40 characters of any script, checked here
 * with the relay's own rule (live/displayName.ts) so a refusal is said at once, in the delegate's
 * language, next to the field. Says who sees the name and how long it is kept.
 */
import { useTranslation } from 'react-i18next';
import { checkDisplayName, type DisplayNameError } from '../../live/displayName';
import { NAME_MAX } from '../../live/protocol';
import './DisplayNameField.css';

/** The name to send (null: none given), or the error to show. */
export function readDisplayName(raw: string): { ok: true; name: string | null } | { ok: false; error: DisplayNameError } {
  if (raw.trim() === '') return { ok: true, name: null };
  const checked = checkDisplayName(raw);
  return checked.ok ? { ok: true, name: checked.name } : checked;
}

export function DisplayNameField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error: DisplayNameError | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="name-field">
      <label htmlFor={id}>{t('liveRoom.name.label')}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={`${id}-note ${id}-error`}
        autoComplete="nickname"
        dir="auto"
        spellCheck={false}
      />
      <p id={`${id}-note`} className="name-field__note">
        {t('liveRoom.name.note')}
      </p>
      {/* Always in the page, so that screen readers announce the message when it appears. */}
      <p id={`${id}-error`} className="name-field__error" role="alert">
        {error ? t(`liveRoom.nameError.${error}`, { max: NAME_MAX }) : ''}
      </p>
    </div>
  );
}
