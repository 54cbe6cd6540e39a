/**
 * The guide's roster: every delegate by name (or "Delegate 17"), language, following or
 * exploring, connected or dropped, and when they joined. Built for a class of hundreds: counts
 * first, then a filter, a sort, and a page of rows at a time — the DOM holds at most a page, not
 * a thousand rows.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import type { TFunction } from 'i18next';
import type { Lang } from '../../content/limits';
import type { RosterEntry } from '../../live/protocol';
import './Roster.css';

type Show = 'all' | 'connected' | 'dropped' | 'following' | 'exploring';
type Sort = 'joined' | 'name' | 'lang';

/** Rows on screen at once; "Show more" adds as many. */
export const ROSTER_PAGE = 25;

const SHOWS: Show[] = ['all', 'connected', 'dropped', 'following', 'exploring'];
const SORTS: Sort[] = ['joined', 'name', 'lang'];

/** A delegate's name, or "Delegate 17" for one who gave none. */
export function delegateLabel(entry: Pick<RosterEntry, 'name' | 'n'> | undefined, t: TFunction): string {
  return entry ? (entry.name ?? t('liveRoom.roster.anonymous', { number: entry.n })) : t('liveRoom.roster.unknown');
}

function matches(entry: RosterEntry, show: Show): boolean {
  switch (show) {
    case 'all':
      return true;
    case 'connected':
      return entry.connected;
    case 'dropped':
      return !entry.connected;
    case 'following':
      return entry.connected && entry.following;
    case 'exploring':
      return entry.connected && !entry.following;
  }
}

export function Roster({ entries, lang, onRemove }: { entries: readonly RosterEntry[]; lang: Lang; onRemove?: (entry: RosterEntry) => void }) {
  const { t } = useTranslation();
  const ut = useUiT();
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [sort, setSort] = useState<Sort>('joined');
  const [limit, setLimit] = useState(ROSTER_PAGE);
  const [removing, setRemoving] = useState<string | null>(null);
  // Typing in the filter stays quick with a thousand names: the list follows a moment later.
  const deferredQuery = useDeferredValue(query);

  const counts = useMemo(() => {
    let connected = 0;
    let following = 0;
    for (const e of entries) {
      if (e.connected) connected += 1;
      if (e.connected && e.following) following += 1;
    }
    return { all: entries.length, connected, dropped: entries.length - connected, following, exploring: connected - following };
  }, [entries]);

  const rows = useMemo(() => {
    const needle = deferredQuery.trim().toLocaleLowerCase();
    const label = (e: RosterEntry) => delegateLabel(e, t);
    const found = entries.filter((e) => matches(e, show) && (!needle || label(e).toLocaleLowerCase().includes(needle)));
    const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN-u-co-pinyin' : 'en');
    return found.sort((a, b) =>
      sort === 'name'
        ? collator.compare(label(a), label(b))
        : sort === 'lang'
          ? a.lang.localeCompare(b.lang) || a.n - b.n
          : a.joinedAt - b.joinedAt || a.n - b.n,
    );
  }, [entries, deferredQuery, show, sort, lang, t]);

  const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const shown = rows.slice(0, limit);

  return (
    <section className="side-section roster" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{ut('liveRoom.roster.heading', { count: counts.all })}</h2>
      <p className="roster__counts">{ut('liveRoom.roster.counts', counts)}</p>
      <div className="roster__controls">
        <label>
          <span>{ut('liveRoom.roster.find')}</span>
          <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); setLimit(ROSTER_PAGE); }} autoComplete="off" />
        </label>
        <label>
          <span>{ut('liveRoom.roster.show')}</span>
          <select value={show} onChange={(e) => { setShow(e.target.value as Show); setLimit(ROSTER_PAGE); }}>
            {SHOWS.map((s) => (
              <option key={s} value={s}>
                {t(`liveRoom.roster.shows.${s}`, { count: counts[s] })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('liveRoom.roster.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`liveRoom.roster.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="roster__empty">{entries.length === 0 ? ut('liveRoom.roster.nobody') : ut('liveRoom.roster.noMatch')}</p>
      ) : (
        <div className="roster__scroll">
          <table className="roster__table">
            <caption className="roster__caption">{ut('liveRoom.roster.showing', { shown: shown.length, count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{ut('liveRoom.roster.name')}</th>
                <th scope="col">{ut('liveRoom.roster.lang')}</th>
                <th scope="col">{ut('liveRoom.roster.where')}</th>
                <th scope="col">{ut('liveRoom.roster.joined')}</th>
                {onRemove && <th scope="col"><span className="visually-hidden">{t('liveRoom.roster.actions')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id} className={e.connected ? undefined : 'roster__row--dropped'}>
                  <th scope="row" dir="auto" className="roster__name">
                    {delegateLabel(e, t)}
                  </th>
                  <td>{ut(`lang.${e.lang}`)}</td>
                  <td>
                    {e.connected ? ut(e.following ? 'liveRoom.roster.following' : 'liveRoom.roster.exploring') : ut('liveRoom.roster.dropped')}
                  </td>
                  <td>{time.format(e.joinedAt)}</td>
                  {onRemove && (
                    <td>
                      {removing === e.id ? (
                        <span className="roster__confirm">
                          <button type="button" className="button button--small" onClick={() => { onRemove(e); setRemoving(null); }}>
                            {t('liveRoom.roster.removeNow', { name: delegateLabel(e, t) })}
                          </button>
                          <button type="button" className="button button--quiet button--small" onClick={() => setRemoving(null)}>
                            {ut('liveRoom.roster.keep')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          aria-label={t('liveRoom.roster.removeLabel', { name: delegateLabel(e, t) })}
                          onClick={() => setRemoving(e.id)}
                        >
                          {ut('liveRoom.roster.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown.length && (
        <button type="button" className="button button--quiet" onClick={() => setLimit((n) => n + ROSTER_PAGE)}>
          {ut('liveRoom.roster.more', { count: Math.min(ROSTER_PAGE, rows.length - shown.length) })}
        </button>
      )}
    </section>
  );
}
