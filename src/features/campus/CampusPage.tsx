/**
 * A campus: its live 3D overview (where the campus has a model and the browser has WebGL), then
 * its stops as a numbered list of pictures to enter — the list is the overview's text alternative
 * and does everything the markers do.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampusModel } from '../../content/campusModel';
import { hasCampusModel, loadCampusModel } from '../../content/campusModels';
import type { Campus } from '../../content/schema';
import { derivedImage } from '../../content/images';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { StageFallback } from '../../components/StageFallback';
import { Text } from '../../components/Text';
import { StopCard } from '../../components/StopCard';
import { useReducedMotion } from '../../components/useReducedMotion';
import { htmlLang } from '../../i18n/i18n';
import { useLang, useVisitStore } from '../../store/context';
import type { OverviewMarker } from '../../viewer/campus/CampusOverview';
import { hasWebGL } from '../../viewer/webgl';
import './CampusPage.css';

// three.js and the campus builder load only when an overview is on screen.
const CampusOverview = lazy(() => import('../../viewer/campus/CampusOverview'));

/** The campus model, once loaded; null while loading or when there is none. */
function useCampusModel(campusId: string): CampusModel | null {
  const [loaded, setLoaded] = useState<{ id: string; model: CampusModel | null } | null>(null);
  useEffect(() => {
    let live = true;
    loadCampusModel(campusId)
      .then((model) => live && setLoaded({ id: campusId, model }))
      .catch((error: unknown) => {
        console.warn(error);
        if (live) setLoaded({ id: campusId, model: null });
      });
    return () => {
      live = false;
    };
  }, [campusId]);
  return loaded?.id === campusId ? loaded.model : null;
}

function Overview({ campus }: { campus: Campus }) {
  const { t } = useTranslation();
  const store = useVisitStore();
  const lang = useLang();
  const reducedMotion = useReducedMotion();
  const [webgl] = useState(hasWebGL);
  const [attempt, setAttempt] = useState(0);
  const model = useCampusModel(campus.id);

  const markers = useMemo<OverviewMarker[]>(
    () => campus.stops.map((s, i) => ({ id: s.id, label: s.name[lang], lang: htmlLang(lang), number: i + 1 })),
    [campus, lang],
  );
  const onChoose = useCallback((stopId: string) => store.getState().goTo({ page: 'stop', campusId: campus.id, stopId }, null), [store, campus.id]);
  const labels = useMemo(
    () => ({
      region: t('overview.region', { campus: campus.name[lang] }),
      instructions: t('overview.instructions'),
      controls: t('overview.controls'),
      turnLeft: t('overview.turnLeft'),
      turnRight: t('overview.turnRight'),
      tiltUp: t('overview.tiltUp'),
      tiltDown: t('overview.tiltDown'),
      zoomIn: t('overview.zoomIn'),
      zoomOut: t('overview.zoomOut'),
      moveForward: t('overview.moveForward'),
      moveBack: t('overview.moveBack'),
      moveLeft: t('overview.moveLeft'),
      moveRight: t('overview.moveRight'),
      reset: t('overview.reset'),
      loading: t('overview.loading'),
      illustration: t('overview.illustration'),
    }),
    [t, campus, lang],
  );

  const first = campus.stops.find((s) => s.id === campus.firstStop) ?? campus.stops[0];
  const fallback = (message: string, retry?: () => void) => (
    <StageFallback className="overview-fallback" picture={first && derivedImage.thumbnail(first.panorama.master)} message={message} retry={retry} />
  );
  const loading = <div className="overview overview--loading" aria-hidden="true" />;

  return (
    <section className="campus-overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('overview.heading')}</h2>
      <p className="campus-overview__intro">{t('overview.intro')}</p>
      {!webgl ? (
        fallback(t('overview.noWebgl'))
      ) : (
        <ErrorBoundary key={attempt} resetKey={campus.id} fallback={fallback(t('overview.failed'), () => setAttempt((n) => n + 1))}>
          <Suspense fallback={loading}>
            {model ? <CampusOverview model={model} markers={markers} onChoose={onChoose} reducedMotion={reducedMotion} labels={labels} /> : loading}
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}

/** `tours`: composed in by the app, the guided walks of this campus, between the overview and the stops. */
export function CampusPage({ campus, tours }: { campus: Campus; tours?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="campus">
      <h1>
        <Text value={campus.name} />
      </h1>
      <Text as="p" className="lead" value={campus.summary} />
      {hasCampusModel(campus.id) && <Overview campus={campus} />}
      {tours}
      <h2>{t('campus.stopsHeading')}</h2>
      <ol className="card-grid card-grid--stops">
        {campus.stops.map((s, i) => (
          <StopCard
            key={s.id}
            className="card--stop"
            picture={derivedImage.thumbnail(s.panorama.master)}
            link={{ page: 'stop', campusId: campus.id, stopId: s.id }}
            number={i + 1}
          >
            <Text className="card__title" value={s.name} />
            <Text className="card__text" value={s.summary} />
          </StopCard>
        ))}
      </ol>
    </div>
  );
}
