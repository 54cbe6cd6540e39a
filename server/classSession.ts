/**
 * The class layer of one session on one relay: it writes what its delegates and guides do to the
 * session's log (through the backplane), applies the log in order (classState.ts) and tells each
 * person what concerns them — guides the roster, tally, hands, questions and whereabouts (as
 * throttled changes), delegates the poll, their own answer and hand, reactions, removal and the
 * call back. Nothing a delegate writes goes to another delegate: names and questions reach
 * guides only.
 */
import { HANDS_MAX, LIST_PAGE, ROSTER_RATE_HZ, STOPS_MAX, TALLY_RATE_HZ, type DelegateId, type ReactionCounts, type RosterEntry, type StopCount } from '../src/live/protocol';
import type { ClassEvent, Logged } from './classEvents';
import { ClassState, type Change } from './classState';
import { publicPoll, tally, type Refusal } from './pollTally';
import { Reactions } from './reactions';
import { frame, type Conn, type RelayMessage } from './relayConn';
import { relayOf, type Member } from './roster';
import { Throttle } from './throttle';

/** What the class layer needs of its relay and backplane. */
export interface ClassHost {
  readonly guides: ReadonlySet<Conn>;
  readonly delegates: ReadonlySet<Conn>;
  now(): number;
  /** Appends to the session's log: the entry's number, null when the session is gone. */
  append(event: ClassEvent): Promise<number | null>;
  readLog(from: number): Promise<Logged[]>;
  publishReactions(counts: ReactionCounts): void;
  /** Whether a relay still holds its sockets (this one, or one heard from lately). */
  relayAlive(relayId: string): boolean;
  sendFrame(conn: Conn, data: Buffer): void;
  /** Tells a removed delegate's socket and closes it. */
  kick(conn: Conn): void;
}

/** What happened to an answer a delegate sent: recorded (as stored), or refused. */
export type AnswerOutcome = { refusal: Refusal | null; choices: number[] } | null;

/** How long an entry may wait for the one before it before the log is read (a lost bus message). */
const GAP_READ_MS = 100;

export class ClassSession {
  readonly state = new ClassState();
  readonly reactions: Reactions;
  /** This relay's sockets of each delegate (a reconnecting one may briefly have two). */
  private readonly sockets = new Map<DelegateId, Set<Conn>>();
  private readonly answerOutcomes = new Map<number, AnswerOutcome>();
  private readonly dirtyMembers = new Set<DelegateId>();
  private readonly goneMembers = new Set<DelegateId>();
  private readonly dirtyQuestions = new Set<number>();
  private handsDirty = false;
  private lastWhereabouts = '';
  /** What guides were last told of each member's connection (a relay gone quiet turns them dropped). */
  private readonly shownConnected = new Map<DelegateId, boolean>();
  private readonly lists: Throttle;
  private readonly tallies: Throttle;
  private gapTimer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly host: ClassHost) {
    this.lists = new Throttle(1000 / ROSTER_RATE_HZ, () => this.flushLists(), () => host.now());
    this.tallies = new Throttle(1000 / TALLY_RATE_HZ, () => this.flushTally(), () => host.now());
    this.reactions = new Reactions({
      tell: (counts) => {
        const data = frame({ type: 'reactions', counts });
        for (const conn of host.guides) host.sendFrame(conn, data);
        for (const conn of host.delegates) host.sendFrame(conn, data);
      },
      publish: (counts) => host.publishReactions(counts),
    });
  }

  // ── the log ────────────────────────────────────────────────────────────────────────────────

  /** Reads the log from where this relay is (all of it, the first time), and applies it. */
  catchUp(): Promise<void> {
    this.reading ??= (async () => {
      try {
        const entries = await this.host.readLog(this.state.applied + 1);
        for (const entry of entries) this.handle(this.state.offer(entry));
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  /** An entry another relay appended (or the echo of this one's). */
  heard(entry: Logged): void {
    this.handle(this.state.offer(entry));
    if (this.state.hasGap && !this.gapTimer && !this.stopped) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        if (this.state.hasGap) void this.catchUp().catch(() => {});
      }, GAP_READ_MS);
    }
  }

  /** Appends an event and applies the log up to it: its number once applied here, null when the session is gone. */
  async commit(event: ClassEvent): Promise<number | null> {
    const n = await this.host.append(event);
    if (n === null) return null;
    this.handle(this.state.offer({ n, e: event }));
    if (this.state.applied < n) await this.catchUp();
    // Still short of it: an entry before is not readable yet; read again once.
    if (this.state.applied < n) await this.catchUp();
    return this.state.applied >= n ? n : null;
  }

  /** Commits a delegate's answer: what was recorded, or why not (null: the session is gone). */
  async answer(event: Extract<ClassEvent, { k: 'answer' }>): Promise<AnswerOutcome> {
    const n = await this.commit(event);
    if (n === null) return null;
    const outcome = this.answerOutcomes.get(n) ?? null;
    this.answerOutcomes.delete(n);
    return outcome;
  }

  // ── who is here ────────────────────────────────────────────────────────────────────────────

  /** A delegate's socket is in this session (before its join is committed). */
  addSocket(conn: Conn): void {
    if (!conn.delegateId) return;
    const set = this.sockets.get(conn.delegateId) ?? new Set<Conn>();
    set.add(conn);
    this.sockets.set(conn.delegateId, set);
  }

  removeSocket(conn: Conn): void {
    if (!conn.delegateId) return;
    const set = this.sockets.get(conn.delegateId);
    set?.delete(conn);
    if (set?.size === 0) this.sockets.delete(conn.delegateId);
  }

  isRemoved(id: DelegateId): boolean {
    return this.state.roster.get(id)?.removed ?? false;
  }

  /** A joined delegate's screen: the poll on, its answer to it, its hand. */
  welcomeDelegate(conn: Conn): void {
    const poll = this.state.polls.current;
    const id = conn.delegateId;
    if (poll) {
      this.host.sendFrame(conn, frame({ type: 'poll', poll: publicPoll(poll) }));
      const answer = id ? poll.answers.get(id) : undefined;
      if (answer) this.host.sendFrame(conn, frame({ type: 'answered', poll: poll.id, choices: answer.choices }));
    }
    if (id && this.state.hands.isRaised(id)) this.host.sendFrame(conn, frame({ type: 'hand', raised: true }));
  }

  /** A guide (re)connected: everything, as full listings. */
  welcomeGuide(conn: Conn): void {
    const send = (message: RelayMessage) => this.host.sendFrame(conn, frame(message));
    const entries = [...this.state.roster.members.values()].filter((member) => !member.removed).map((member) => this.entry(member));
    for (let i = 0; i === 0 || i < entries.length; i += LIST_PAGE) send({ type: 'roster', reset: i === 0, delegates: entries.slice(i, i + LIST_PAGE), gone: [] });
    const questions = [...this.state.questions.items.values()];
    for (let i = 0; i === 0 || i < questions.length; i += LIST_PAGE) send({ type: 'questions', reset: i === 0, questions: questions.slice(i, i + LIST_PAGE) });
    send({ type: 'hands', raised: this.state.hands.list(HANDS_MAX) });
    send({ type: 'whereabouts', stops: this.whereabouts() });
    const poll = this.state.polls.current;
    send({ type: 'poll', poll: poll ? publicPoll(poll) : null });
    if (poll) send({ type: 'tally', tally: tally(poll) });
  }

  // ── what changed ───────────────────────────────────────────────────────────────────────────

  private handle(changes: Change[]): void {
    for (const change of changes) {
      switch (change.kind) {
        case 'member':
          this.dirtyMembers.add(change.member.id);
          break;
        case 'removed':
          this.goneMembers.add(change.member.id);
          this.dirtyMembers.delete(change.member.id);
          for (const conn of [...(this.sockets.get(change.member.id) ?? [])]) this.host.kick(conn);
          break;
        case 'answer':
          this.answerOutcomes.set(change.n, { refusal: change.refusal, choices: change.choices });
          // Outcomes nobody here waits for (answers through other relays) must not pile up.
          if (this.answerOutcomes.size > 10_000) this.answerOutcomes.delete(this.answerOutcomes.keys().next().value as number);
          if (change.refusal === null) this.tallies.request();
          break;
        case 'hand': {
          this.handsDirty = true;
          const data = frame({ type: 'hand', raised: change.raised });
          for (const conn of this.sockets.get(change.delegate) ?? []) this.host.sendFrame(conn, data);
          break;
        }
        case 'question':
          this.dirtyQuestions.add(change.question.id);
          break;
        case 'poll': {
          if (this.state.polls.current !== change.poll && !change.opened) break;
          const data = frame({ type: 'poll', poll: publicPoll(change.poll) });
          for (const conn of this.host.guides) this.host.sendFrame(conn, data);
          for (const conn of this.host.delegates) this.host.sendFrame(conn, data);
          this.tallies.request();
          break;
        }
        case 'back': {
          const data = frame({ type: 'bring-back' });
          for (const conn of this.host.delegates) this.host.sendFrame(conn, data);
          for (const member of change.moved) this.dirtyMembers.add(member.id);
          break;
        }
        case 'place':
          break;
      }
    }
    if (changes.some((change) => change.kind !== 'answer' && change.kind !== 'poll' && change.kind !== 'place')) this.lists.request();
  }

  /** Roster entries whose relay went quiet turn dropped (their sockets are gone with it). */
  checkRelays(): void {
    for (const member of this.state.roster.members.values()) {
      if (member.removed || !this.shownConnected.get(member.id)) continue;
      if (!this.connected(member)) this.dirtyMembers.add(member.id);
    }
    if (this.dirtyMembers.size > 0) this.lists.request();
  }

  private connected(member: Member): boolean {
    return member.conn !== null && this.host.relayAlive(relayOf(member.conn));
  }

  private entry(member: Member): RosterEntry {
    const connected = this.connected(member);
    this.shownConnected.set(member.id, connected);
    return { id: member.id, n: member.n, name: member.name, lang: member.lang, following: member.following, at: member.at, connected, joinedAt: member.joinedAt };
  }

  /** Delegates looking around, connected, per stop; the busiest first. */
  private whereabouts(): StopCount[] {
    const counts = new Map<string, StopCount>();
    for (const member of this.state.roster.members.values()) {
      if (member.following || !member.at || member.removed || !this.connected(member)) continue;
      const key = `${member.at.campusId}/${member.at.stopId}`;
      const count = counts.get(key) ?? { ...member.at, count: 0 };
      count.count += 1;
      counts.set(key, count);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count).slice(0, STOPS_MAX);
  }

  private flushLists(): void {
    if (this.stopped) return;
    const guides = this.host.guides;
    const members = [...this.dirtyMembers].flatMap((id) => {
      const member = this.state.roster.get(id);
      return member && !member.removed ? [this.entry(member)] : [];
    });
    const gone = [...this.goneMembers];
    const questions = [...this.dirtyQuestions].flatMap((id) => {
      const question = this.state.questions.items.get(id);
      return question ? [question] : [];
    });
    this.dirtyMembers.clear();
    this.goneMembers.clear();
    this.dirtyQuestions.clear();
    const handsDirty = this.handsDirty;
    this.handsDirty = false;
    const stops = this.whereabouts();
    const whereKey = JSON.stringify(stops);
    const whereChanged = whereKey !== this.lastWhereabouts;
    this.lastWhereabouts = whereKey;
    if (guides.size === 0) return;
    const datas: Buffer[] = [];
    for (let i = 0; i < Math.max(members.length, gone.length); i += LIST_PAGE) {
      datas.push(frame({ type: 'roster', reset: false, delegates: members.slice(i, i + LIST_PAGE), gone: gone.slice(i, i + LIST_PAGE) }));
    }
    for (let i = 0; i < questions.length; i += LIST_PAGE) datas.push(frame({ type: 'questions', reset: false, questions: questions.slice(i, i + LIST_PAGE) }));
    if (handsDirty) datas.push(frame({ type: 'hands', raised: this.state.hands.list(HANDS_MAX) }));
    if (whereChanged) datas.push(frame({ type: 'whereabouts', stops }));
    for (const conn of guides) for (const data of datas) this.host.sendFrame(conn, data);
  }

  private flushTally(): void {
    const poll = this.state.polls.current;
    if (this.stopped || !poll || this.host.guides.size === 0) return;
    const data = frame({ type: 'tally', tally: tally(poll) });
    for (const conn of this.host.guides) this.host.sendFrame(conn, data);
  }

  stop(): void {
    this.stopped = true;
    this.lists.stop();
    this.tallies.stop();
    this.reactions.stop();
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }
}
