/**
 * "My words": the starred words with pinyin, meaning and the stop where they were met; printable
 * on one clean A4 sheet (MyWordsPage.css), and downloadable as CSV and as a TSV Anki imports.
 */
import { useTranslation } from 'react-i18next';
import { useContent } from '../../content/ContentContext';
import { findCampus, findStop } from '../../content/lookup';
import { PlaceLink } from '../../components/PlaceLink';
import { wordsAnkiTsv, wordsCsv, type ExportRow } from '../../learner/exportWords';
import { htmlLang } from '../../i18n/i18n';
import { useLang, useWords, useWordsStore } from '../../store/context';
import type { StarredWord } from '../../store/wordsStore';
import './words.css';
import { downloadFile as download } from '../../components/downloadFile';
import './MyWordsPage.css';


export function MyWordsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const content = useContent();
  const store = useWordsStore();
  const starred = useWords((s) => s.starred);
  const problem = useWords((s) => s.storageProblem);

  const where = (w: StarredWord) => {
    const campus = findCampus(content, w.campusId);
    const stop = campus && findStop(campus, w.stopId);
    return { campus, stop };
  };
  const rows: ExportRow[] = starred.map((w) => {
    const { campus, stop } = where(w);
    return {
      zh: w.zh,
      pinyin: w.pinyin,
      en: w.en,
      stopZh: stop && campus ? `${campus.name.zh}·${stop.name.zh}` : w.stopId,
      stopEn: stop && campus ? `${stop.name.en}, ${campus.name.en}` : w.stopId,
    };
  });

  return (
    <div className="my-words">
      <h1 tabIndex={-1}>{t('words.myWords.title')}</h1>
      <p className="lead">{t('words.myWords.intro')}</p>
      {problem && (
        <div className="my-words__problem" role="alert">
          <p>{t('words.myWords.corrupt')}</p>
          <button type="button" className="button button--quiet button--small" onClick={() => store.getState().dismissProblem()}>
            {t('words.myWords.dismiss')}
          </button>
        </div>
      )}
      {starred.length === 0 ? (
        <p className="my-words__empty">{t('words.myWords.empty')}</p>
      ) : (
        <>
          <div className="button-row my-words__actions">
            <button type="button" className="button button--small" onClick={() => window.print()}>
              {t('words.myWords.print')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => download('my-words.csv', wordsCsv(rows), 'text/csv;charset=utf-8')}>
              {t('words.myWords.csv')}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => download('my-words-anki.txt', wordsAnkiTsv(rows), 'text/tab-separated-values;charset=utf-8')}
            >
              {t('words.myWords.anki')}
            </button>
          </div>
          <table className="my-words__table">
            <thead>
              <tr>
                <th scope="col">{t('words.myWords.colWord')}</th>
                <th scope="col">{t('words.myWords.colPinyin')}</th>
                <th scope="col">{t('words.myWords.colEnglish')}</th>
                <th scope="col">{t('words.myWords.colStop')}</th>
                <th scope="col" className="my-words__no-print">
                  <span className="visually-hidden">{t('words.myWords.removeHeading')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {starred.map((w, i) => {
                const { campus, stop } = where(w);
                return (
                  <tr key={`${w.campusId}/${w.stopId}/${w.zh}`}>
                    <td lang="zh-CN" className="my-words__zh">
                      {w.zh}
                    </td>
                    <td lang="zh-Latn-pinyin">{w.pinyin}</td>
                    <td lang="en">{w.en}</td>
                    <td lang={htmlLang(lang)}>
                      {campus && stop ? (
                        <PlaceLink to={{ page: 'stop', campusId: campus.id, stopId: stop.id }}>
                          {t('words.myWords.fromStop', { stop: stop.name[lang], campus: campus.name[lang] })}
                        </PlaceLink>
                      ) : (
                        rows[i]?.stopEn
                      )}
                    </td>
                    <td className="my-words__no-print">
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t('words.myWords.remove', { zh: w.zh })}
                        title={t('words.myWords.remove', { zh: w.zh })}
                        onClick={() => store.getState().toggleStar(w)}
                      >
                        <span aria-hidden="true">✕</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
