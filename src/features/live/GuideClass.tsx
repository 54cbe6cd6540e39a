/**
 * The guide's class, composed by the app around the stop page: the poll, hands, questions and
 * reactions right under the session panel (what a guide acts on while talking); the roster and
 * the reports last in the side column; and on the stop list, how many delegates looking around
 * are at each stop.
 */
import { useTranslation } from 'react-i18next';
import { useLang } from '../../store/context';
import { GuidePoll } from './GuidePoll';
import { HandsPanel, QuestionQueue, ReactionsPanel } from './GuideClassroom';
import { useLive, useLiveSession } from './LiveSessionContext';
import { ReportsPanel } from './ReportsPanel';
import { Roster } from './Roster';

/** Under the session panel, while guiding. */
export function GuideClassPanels() {
  const guiding = useLive((s) => s.role === 'guide' && s.status !== 'ended');
  if (!guiding) return null;
  return (
    <>
      <GuidePoll />
      <HandsPanel />
      <QuestionQueue />
      <ReactionsPanel />
    </>
  );
}

/** Last in the side column, while guiding. */
export function GuideClassAfter() {
  const session = useLiveSession();
  const lang = useLang();
  const role = useLive((s) => s.role);
  const roster = useLive((s) => s.roster);
  const code = useLive((s) => s.code);
  if (role !== 'guide') return null;
  return (
    <>
      <Roster entries={roster} lang={lang} onRemove={(d) => session.getState().removeDelegate(d.id)} />
      <ReportsPanel current={code} />
    </>
  );
}

/** "3 here" beside a stop of the stop list: delegates looking around on that stop (guides only). */
export function StopCount({ campusId, stopId }: { campusId: string; stopId: string }) {
  const { t } = useTranslation();
  const count = useLive((s) => (s.role === 'guide' ? (s.whereabouts.find((w) => w.campusId === campusId && w.stopId === stopId)?.count ?? 0) : 0));
  if (count === 0) return null;
  return (
    <span className="stop-count">
      <span aria-hidden="true">{t('liveRoom.whereabouts.here', { count })}</span>
      <span className="visually-hidden">{t('liveRoom.whereabouts.label', { count })}</span>
    </span>
  );
}
