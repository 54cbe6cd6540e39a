/**
 * What a guide sees where the session panel was, once they have ended the session: that it has
 * ended, for how many screens, and what the delegates see now. Without it the panel just vanished
 * and the guide could not tell an ended session from a lost connection.
 */
import { useUiT } from '../../components/useUiT';
import { formatCode } from '../../live/protocol';
import { focusWhenReady } from '../../components/focusRescue';
import type { EndedSession } from './LivePanel';

export function LiveEnded({ ended, onDismiss }: { ended: EndedSession; onDismiss(): void }) {
  const ut = useUiT();
  return (
    <section className="side-section live-ended" aria-labelledby="live-ended-heading">
      <h2 id="live-ended-heading" tabIndex={-1}>
        {ut('screens.liveEnded.heading')}
      </h2>
      <p role="status">{ut('screens.liveEnded.message', { code: formatCode(ended.code), count: ended.connected })}</p>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          onDismiss();
          focusWhenReady(() => document.querySelector<HTMLElement>('.live-start .button') ?? document.getElementById('stop-title'));
        }}
      >
        {ut('screens.liveEnded.dismiss')}
      </button>
    </section>
  );
}
