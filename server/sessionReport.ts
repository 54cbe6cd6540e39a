/**
 * A live session's report, made from its class state (classState.ts): who was there (joined,
 * left, time connected), the stops the group visited, each poll with its results in all and per
 * language, and the written questions. Pure: the same state and times make the same report, as
 * JSON or as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right).
 */
import type { Lang } from '../src/content/limits';
import type { LiveStopRef, PollPhase, PollSource, QuestionStatus, TallyCounts } from '../src/live/protocol';
import type { ClassState } from './classState';
import { tally } from './pollTally';

export const REPORT_VERSION = 1;

export interface ReportDelegate {
  /** "Delegate n" when there is no name. */
  n: number;
  name: string | null;
  lang: Lang;
  /** ISO 8601 UTC. */
  joinedAt: string;
  /** When it last left (null: still connected when the report was made). */
  leftAt: string | null;
  connectedSeconds: number;
  removed: boolean;
  /** Polls it answered, and how many of those with a correct answer it got right. */
  answered: number;
  correct: number;
}

export interface ReportStop {
  stop: LiveStopRef;
  from: string;
  to: string;
  seconds: number;
}

export interface ReportPoll {
  id: number;
  source: PollSource;
  options: number;
  multiple: boolean;
  /** Empty: a survey. */
  correct: number[];
  phase: PollPhase;
  openedAt: string;
  closedAt: string | null;
  all: TallyCounts;
  zh: TallyCounts;
  en: TallyCounts;
}

export interface ReportQuestion {
  /** The delegate's roster number (and name, if it gave one). */
  n: number;
  name: string | null;
  text: string;
  at: string;
  status: QuestionStatus;
}

export interface SessionReport {
  version: typeof REPORT_VERSION;
  code: string;
  /** The first thing in the session's log, and when the report was made (the end, or on demand). */
  startedAt: string | null;
  madeAt: string;
  ended: boolean;
  delegates: ReportDelegate[];
  stops: ReportStop[];
  polls: ReportPoll[];
  questions: ReportQuestion[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function buildReport(state: ClassState, meta: { code: string; madeAt: number; ended: boolean }): SessionReport {
  const { madeAt } = meta;
  const polls = [...state.polls.polls.values()];
  const delegates = [...state.roster.members.values()]
    .sort((a, b) => a.n - b.n)
    .map((member): ReportDelegate => {
      const seconds = member.stretches.reduce((sum, [from, to]) => sum + Math.max(0, (to ?? madeAt) - from), 0) / 1000;
      const last = member.stretches.at(-1);
      let answered = 0;
      let correct = 0;
      for (const poll of polls) {
        const answer = poll.answers.get(member.id);
        if (!answer) continue;
        answered += 1;
        if (poll.draft.correct.length > 0 && answer.choices.join() === [...poll.draft.correct].sort((a, b) => a - b).join()) correct += 1;
      }
      return {
        n: member.n,
        name: member.name,
        lang: member.lang,
        joinedAt: iso(member.joinedAt),
        leftAt: last && last[1] !== null ? iso(last[1]) : null,
        connectedSeconds: Math.round(seconds),
        removed: member.removed,
        answered,
        correct,
      };
    });
  const stops: ReportStop[] = [];
  state.visits.forEach((visit, index) => {
    if (!visit.at) return;
    const to = state.visits[index + 1]?.from ?? madeAt;
    stops.push({ stop: visit.at, from: iso(visit.from), to: iso(to), seconds: Math.round((to - visit.from) / 1000) });
  });
  const byId = new Map([...state.roster.members.values()].map((member) => [member.id, member]));
  return {
    version: REPORT_VERSION,
    code: meta.code,
    startedAt: state.startedAt === null ? null : iso(state.startedAt),
    madeAt: iso(madeAt),
    ended: meta.ended,
    delegates,
    stops,
    polls: polls.map((poll): ReportPoll => {
      const counts = tally(poll);
      return {
        id: poll.id,
        source: poll.draft.source,
        options: poll.draft.options,
        multiple: poll.draft.multiple,
        correct: poll.draft.correct,
        phase: poll.phase,
        openedAt: iso(poll.openedAt),
        closedAt: poll.closedAt === null ? null : iso(poll.closedAt),
        all: counts.all,
        zh: counts.zh,
        en: counts.en,
      };
    }),
    questions: [...state.questions.items.values()].map((question) => {
      const member = byId.get(question.from);
      return { n: member?.n ?? 0, name: member?.name ?? null, text: question.text, at: iso(question.at), status: question.status };
    }),
  };
}

// ── CSV ────────────────────────────────────────────────────────────────────────────────────────

/**
 * One field, RFC 4180: quoted when it holds a comma, quote, line break or edge blank, quotes
 * doubled. Text people typed that a spreadsheet would run as a formula (= + - @ first) gets a
 * leading apostrophe, as OWASP advises for CSV injection.
 */
export function csvField(value: string | number | boolean | null, typed = false): string {
  let text = value === null ? '' : String(value);
  if (typed && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: string[]): string => fields.join(',');

const typedOrIds = (source: PollSource): string =>
  source.kind === 'content'
    ? `${source.tourId} #${source.step + 1} ${source.questionId}`
    : [source.prompt.zh, source.prompt.en].filter((text): text is string => text !== undefined).join(' / ');

const optionLabel = (source: PollSource, index: number): string => {
  const letter = String.fromCharCode(65 + index);
  if (source.kind === 'content') return letter;
  const option = source.options[index];
  const text = [option?.zh, option?.en].filter((t): t is string => t !== undefined).join(' / ');
  return text ? `${letter}: ${text}` : letter;
};

/**
 * The report as one CSV file of four tables (delegates, stops, polls, questions), each after a
 * title line and a header line, with an empty line between: bilingual headers, times ISO 8601 UTC.
 */
export function reportCsv(report: SessionReport): string {
  const lines: string[] = [];
  const title = (zh: string, en: string) => lines.push(row([csvField(`${zh} ${en}`)]));
  lines.push(row(['会话 Session', csvField(report.code), '生成 Made', csvField(report.madeAt), '开始 Started', csvField(report.startedAt)]));
  lines.push('');
  title('代表', 'Delegates');
  lines.push(row(['编号 No.', '姓名 Name', '语言 Language', '加入 Joined', '离开 Left', '在线秒数 Seconds connected', '移出 Removed', '作答 Answered', '答对 Correct']));
  for (const d of report.delegates) {
    lines.push(row([csvField(d.n), csvField(d.name ?? `Delegate ${d.n}`, true), d.lang, d.joinedAt, csvField(d.leftAt), csvField(d.connectedSeconds), d.removed ? 'yes' : 'no', csvField(d.answered), csvField(d.correct)]));
  }
  lines.push('');
  title('一起参观的地点', 'Stops visited with the group');
  lines.push(row(['校区 Campus', '地点 Stop', '从 From', '到 To', '秒数 Seconds']));
  for (const s of report.stops) lines.push(row([csvField(s.stop.campusId), csvField(s.stop.stopId), s.from, s.to, csvField(s.seconds)]));
  lines.push('');
  title('投票', 'Polls');
  lines.push(row(['编号 Poll', '问题 Question', '选项 Option', '正确 Correct', '全部 All', '中文 zh', 'English en']));
  for (const poll of report.polls) {
    for (let index = 0; index < poll.options; index += 1) {
      lines.push(
        row([
          csvField(poll.id),
          csvField(typedOrIds(poll.source), true),
          csvField(optionLabel(poll.source, index), true),
          poll.correct.includes(index) ? 'yes' : poll.correct.length > 0 ? 'no' : '',
          csvField(poll.all.counts[index] ?? 0),
          csvField(poll.zh.counts[index] ?? 0),
          csvField(poll.en.counts[index] ?? 0),
        ]),
      );
    }
    lines.push(row([csvField(poll.id), csvField(typedOrIds(poll.source), true), '作答人数 Answered', '', csvField(poll.all.total), csvField(poll.zh.total), csvField(poll.en.total)]));
  }
  lines.push('');
  title('书面问题', 'Written questions');
  lines.push(row(['编号 No.', '姓名 Name', '时间 At', '状态 Status', '问题 Question']));
  for (const q of report.questions) lines.push(row([csvField(q.n), csvField(q.name ?? `Delegate ${q.n}`, true), q.at, q.status, csvField(q.text, true)]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
