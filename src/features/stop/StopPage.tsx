/** A stop: the 360° view with its hotspots, the open info panel, and the text view beside it. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useLayoutEffect, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import type { Campus, Hotspot, Stop, View } from '../../content/schema';
import { arrivalView, findHotspot, findStop } from '../../content/lookup';
import { derivedImage } from '../../content/images';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { StageFallback } from '../../components/StageFallback';
import { Text, ZhPieces } from '../../components/Text';
import { PlaceLink } from '../../components/PlaceLink';
import { useReducedMotion } from '../../components/useReducedMotion';
import { htmlLang } from '../../i18n/i18n';
import { usePinyinData } from '../../learner/pinyin';
import { useLang, useOpenHotspotId, usePresenter, useVisitStore, useView, useWords } from '../../store/context';
import { useRecordStore } from '../../store/recordContext';
import { useVisitStamp } from '../../store/useVisitStamp';
import type { ViewerHotspot } from '../../viewer/panorama/HotspotLayer';
import type { ViewerVr, ViewerVrPanel } from '../../viewer/panorama/xr/vrTypes';
import { hasWebGL } from '../../viewer/webgl';
import { InfoPanel } from './InfoPanel';
import { HotspotList, StopList } from './StopLists';
import { StopMap } from './StopMap';
import { StopStrip } from './StopStrip';
import { ViewControls } from './ViewControls';
import { ViewerTools } from './ViewerTools';
import { useVrSession, useVrSupported } from './useVr';

// three.js and R3F load only here, so the welcome and about pages never wait for them.
const PanoramaViewer = lazy(() => import('../../viewer/panorama/PanoramaViewer'));

/** The longest the side list's thumbnails wait for the panorama: a stalled tile must not keep them blank. */
const THUMBNAILS_WAIT_MS = 4000;

/** Set once a visitor has dragged a panorama: they know how, and the hint does not come back. */
const DRAG_HINT_SEEN = 'cbdo.hint.drag';

function readFlag(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string) {
  try {
    window.localStorage.setItem(key, '1');
  } catch {
    // No storage (private mode, blocked): the hint goes for this page only.
  }
}

interface StopPageProps {
  campus: Campus;
  stop: Stop;
  /** Show the open panel in Chinese and English at once (presenting to a mixed class). */
  bilingual?: boolean;
  /** Composed in by the app, first in the side column: the tour player… */
  panels?: ReactNode;
  /**
   * …after the open info panel: the live session's panel (tall, with its QR code). An info panel
   * opened from the picture comes first, beside the picture, so that showing it needs no scrolling
   * that would take the panorama away…
   */
  session?: ReactNode;
  /** …last in the side column: controls few visitors need (starting a live session)… */
  after?: ReactNode;
  /** …and the tour's captions, over the panorama's lower edge (below it where narrow). */
  captions?: ReactNode;
  /** The stop's words ("Words here"), after its list of hotspots. */
  words?: ReactNode;
  /** A note beside a stop of the stop list (a live session's count of delegates there). */
  stopBadge?: ((stopId: string) => ReactNode) | undefined;
  /** Something else moves the camera (a tour, a guide's live session): the view does not turn or follow the phone on its own. */
  cameraDriven?: boolean;
}

export function StopPage({ campus, stop, bilingual = false, panels, session, after, captions, words, stopBadge, cameraDriven = false }: StopPageProps) {
  const { t } = useTranslation();
  const ut = useUiT();
  const store = useVisitStore();
  const lang = useLang();
  const view = useView() ?? stop.initialView;
  const openId = useOpenHotspotId();
  const open = openId ? findHotspot(stop, openId) : undefined;
  const openInfo = open?.kind === 'info' ? open : undefined;
  const reducedMotion = useReducedMotion();
  const presenting = usePresenter((s) => s.presenting);
  const [webgl] = useState(hasWebGL);
  const [viewerAttempt, setViewerAttempt] = useState(0);
  // The side list's thumbnails (nine of 20 KB on a campus) wait until the panorama is on screen in
  // full: on slow 4G they would otherwise hold the connections its preview and tiles need (measured:
  // the preview half a second later). Without WebGL there is no panorama to wait for.
  const [thumbnails, setThumbnails] = useState(!webgl);
  useEffect(() => {
    if (thumbnails) return;
    const timer = setTimeout(() => setThumbnails(true), THUMBNAILS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [thumbnails]);
  // The panorama on screen (its preview counts) starts the passport's visit clock; without WebGL the
  // stop's picture and text view stand in for it.
  const [shownSrc, setShownSrc] = useState<string | null>(null);
  const onShown = useCallback((src: string, level: 'preview' | 'full') => {
    setShownSrc(src);
    if (level === 'full') setThumbnails(true);
  }, []);
  useVisitStamp(campus.id, stop.id, !webgl || shownSrc === derivedImage.panorama(stop.panorama.master));
  const record = useRecordStore();
  useEffect(() => {
    if (openInfo) record.getState().openedHotspot(campus.id, stop.id, openInfo.id);
  }, [record, campus.id, stop.id, openInfo]);

  // "Drag to look around" shows on the picture until a visitor's first drag, once per browser.
  const [dragHint, setDragHint] = useState(() => !readFlag(DRAG_HINT_SEEN));
  const onDragged = useCallback(() => {
    writeFlag(DRAG_HINT_SEEN);
    setDragHint(false);
  }, []);

  const panelHeading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const focusPanel = useRef(false);

  useLayoutEffect(() => {
    if (openInfo && focusPanel.current) {
      focusPanel.current = false;
      panelHeading.current?.focus();
    }
  }, [openInfo]);

  const activate = useCallback(
    (hotspot: Hotspot, turnTo: boolean) => {
      const state = store.getState();
      if (hotspot.kind === 'link') {
        state.goTo({ page: 'stop', campusId: campus.id, stopId: hotspot.target }, arrivalView(campus, hotspot.target, hotspot.arrive));
        return;
      }
      if (state.openHotspotId === hotspot.id) {
        state.openHotspot(null);
        return;
      }
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      focusPanel.current = true;
      // From the list, turn to the hotspot so the picture shows what the text is about.
      if (turnTo) state.setView({ ...(state.view ?? stop.initialView), yaw: hotspot.yaw, pitch: hotspot.pitch });
      state.openHotspot(hotspot.id);
    },
    [store, campus, stop.initialView],
  );

  const closePanel = useCallback(() => {
    store.getState().openHotspot(null);
    const back = opener.current;
    opener.current = null;
    // Focus goes back where it came from; if that marker has scrolled out of view, to the viewer.
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else (document.querySelector<HTMLElement>('.pano') ?? document.getElementById('stop-title'))?.focus();
    });
  }, [store]);

  // The names over the panorama carry pinyin like every Chinese text; new hotspot objects when the
  // readings arrive or go make the viewer measure the (taller) names again and place them anew.
  const pinyin = usePinyinData(useWords((s) => s.pinyin));
  const viewerHotspots = useMemo<ViewerHotspot[]>(
    () =>
      stop.hotspots.map((h) => {
        const name = h.kind === 'info' ? h.title[lang] : (findStop(campus, h.target)?.name[lang] ?? h.target);
        return {
          id: h.id,
          kind: h.kind,
          yaw: h.yaw,
          pitch: h.pitch,
          label: h.kind === 'info' ? t('stop.infoLabel', { title: name }) : t('stop.linkLabel', { stop: name }),
          caption: name,
          captionContent: lang === 'zh' && pinyin ? <ZhPieces text={name} /> : undefined,
          lang: htmlLang(lang),
        };
      }),
    [stop, campus, lang, t, pinyin],
  );

  const setView = useCallback((v: View) => store.getState().setView(v), [store]);

  // VR: the same stop, hotspots and navigation as on the page; link hotspots move between stops
  // in the headset, and a guide's live session moves a following delegate's stop there too.
  const vrSupported = useVrSupported();
  const vrSession = useVrSession();
  const vrPanels = useMemo<Record<string, ViewerVrPanel>>(
    () =>
      Object.fromEntries(
        stop.hotspots.flatMap((h) => (h.kind === 'info' ? [[h.id, { title: h.title[lang], paragraphs: h.body.map((p) => p[lang]), lang: htmlLang(lang) }]] : [])),
      ),
    [stop, lang],
  );
  const drivenRef = useRef(cameraDriven || presenting);
  drivenRef.current = cameraDriven || presenting;
  const onVrEnded = useCallback(
    (look: { yaw: number; pitch: number } | null) => {
      // Back on the page where the headset looked, so the URL and a shared link hold it. Not while a
      // tour or the guide moves the camera: the view is theirs, and following goes on.
      if (!look || drivenRef.current) return;
      const state = store.getState();
      // Ended because the visitor left the stop pages (the session ends with them): no view to keep.
      if (state.place.page !== 'stop') return;
      state.setView({ ...(state.view ?? stop.initialView), yaw: look.yaw, pitch: look.pitch });
    },
    [store, stop.initialView],
  );
  const vrLabels = useMemo(() => ({ exit: t('vr.exit'), close: t('vr.close') }), [t]);
  const vr = useMemo<ViewerVr | undefined>(
    () => (vrSession.session ? { session: vrSession.session, panels: vrPanels, labels: vrLabels, onEnded: onVrEnded } : undefined),
    [vrSession.session, vrPanels, vrLabels, onVrEnded],
  );
  const inVr = vr !== undefined;

  const onHotspotActivate = useCallback(
    (id: string) => {
      const h = findHotspot(stop, id);
      if (h) activate(h, false);
    },
    [stop, activate],
  );

  const master = stop.panorama.master;
  // The stops this one links to: the viewer fetches their previews while the visitor looks around.
  const preload = useMemo(
    () =>
      stop.hotspots.flatMap((h) => {
        const next = h.kind === 'link' ? findStop(campus, h.target) : undefined;
        return next ? [{ src: derivedImage.panorama(next.panorama.master), previewSrc: derivedImage.preview(next.panorama.master) }] : [];
      }),
    [stop, campus],
  );
  const textOnly = (message: string, retry?: () => void) => <StageFallback picture={derivedImage.thumbnail(master)} message={message} retry={retry} />;

  return (
    <div className="stop">
      <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <ol>
          <li>
            <PlaceLink to={{ page: 'home' }}>{ut('nav.home')}</PlaceLink>
          </li>
          <li>
            <PlaceLink to={{ page: 'campus', campusId: campus.id }}>
              <Text value={campus.name} />
            </PlaceLink>
          </li>
        </ol>
      </nav>
      <h1 id="stop-title" tabIndex={-1}>
        <Text value={stop.name} />
      </h1>
      <Text as="p" className="lead" value={stop.summary} />
      <div className="stop-layout">
        {/* The stop's thumbnail stands in for the panorama while it loads: never a black box. */}
        <div className="stage" style={{ '--pano-poster': `url("${derivedImage.thumbnail(master)}")` } as CSSProperties}>
          {/* Above the picture, not on it: over the picture it could cover a sign (issue 18). */}
          {stop.panorama.source !== 'photo' && <p className="stage__note">{ut('stop.illustration')}</p>}
          {!webgl ? (
            textOnly(t('stop.noWebgl'))
          ) : (
            <ErrorBoundary key={viewerAttempt} resetKey={`${campus.id}/${stop.id}`} fallback={textOnly(t('stop.viewerFailed'), () => setViewerAttempt((n) => n + 1))}>
              <Suspense fallback={<div className="pano pano--loading" aria-hidden="true" />}>
                <PanoramaViewer
                  src={derivedImage.panorama(master)}
                  previewSrc={derivedImage.preview(master)}
                  preload={preload}
                  view={view}
                  onViewChange={setView}
                  hotspots={viewerHotspots}
                  activeHotspotId={openInfo?.id ?? null}
                  onHotspotActivate={onHotspotActivate}
                  reducedMotion={reducedMotion}
                  onShown={onShown}
                  hint={dragHint ? ut('screens.dragHint') : undefined}
                  onDragged={onDragged}
                  vr={vr}
                  labels={{
                    region: t('stop.viewRegion', { stop: stop.name[lang] }),
                    instructions: t('stop.instructions'),
                    loading: t('stop.loading'),
                    loadError: t('stop.loadError'),
                    retry: t('stop.retry'),
                  }}
                >
                  <ViewControls view={view} initialView={stop.initialView} onChange={setView} />
                  <ViewerTools
                    fullscreenKeys={!presenting}
                    placeName={stop.name[lang]}
                    initialView={stop.initialView}
                    idleTurn={stop.autorotate !== false && !cameraDriven && !presenting && !inVr}
                    cameraDriven={cameraDriven || presenting || inVr}
                    vr={{ supported: vrSupported, active: inVr, failed: vrSession.failed, enter: vrSession.enter, exit: vrSession.exit }}
                  />
                </PanoramaViewer>
              </Suspense>
            </ErrorBoundary>
          )}
          {captions}
        </div>
        <StopStrip campus={campus} currentId={stop.id} />
        <div className="side">
          {panels}
          {openInfo && <InfoPanel ref={panelHeading} hotspot={openInfo} campusId={campus.id} stopId={stop.id} onClose={closePanel} bilingual={bilingual} />}
          {session}
          <HotspotList campus={campus} stop={stop} openId={openInfo?.id ?? null} onActivate={(h) => activate(h, true)} />
          {words}
          <StopList campus={campus} currentId={stop.id} thumbnails={thumbnails} badge={stopBadge} />
          <StopMap campus={campus} currentId={stop.id} />
          {after}
        </div>
      </div>
    </div>
  );
}
