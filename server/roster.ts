/**
 * Who is in a session's class, replayed from its log: each delegate's roster number (the order of
 * first joining), name, language, whether it follows, where it looks around, its current socket and
 * every stretch it was connected (for the report), and whether the guide removed it.
 */
import type { Lang } from '../src/content/limits';
import type { DelegateId, LiveStopRef } from '../src/live/protocol';

export interface Member {
  id: DelegateId;
  n: number;
  name: string | null;
  lang: Lang;
  following: boolean;
  at: LiveStopRef | null;
  /** The socket that joined last (relay id + count), null when it left. */
  conn: string | null;
  /** Connected stretches: [from, to] (to null while connected). */
  stretches: Array<[number, number | null]>;
  joinedAt: number;
  removed: boolean;
}

/** The relay a socket key names. */
export const relayOf = (conn: string): string => conn.slice(0, conn.lastIndexOf(':'));

export class Roster {
  readonly members = new Map<DelegateId, Member>();

  get(id: DelegateId): Member | undefined {
    return this.members.get(id);
  }

  join(id: DelegateId, name: string | null | undefined, lang: Lang, following: boolean, at: LiveStopRef | null, conn: string, time: number): Member | null {
    let member = this.members.get(id);
    if (member?.removed) return null;
    if (!member) {
      member = { id, n: this.members.size + 1, name: null, lang, following, at, conn: null, stretches: [], joinedAt: time, removed: false };
      this.members.set(id, member);
    }
    if (name !== undefined) member.name = name;
    member.lang = lang;
    member.following = following;
    member.at = following ? null : at;
    if (member.conn === null) member.stretches.push([time, null]);
    member.conn = conn;
    return member;
  }

  /** A socket closed: the delegate left unless a newer socket of it joined meanwhile. */
  leave(id: DelegateId, conn: string, time: number): Member | null {
    const member = this.members.get(id);
    if (!member || member.conn !== conn) return null;
    this.disconnect(member, time);
    return member;
  }

  status(id: DelegateId, lang: Lang, following: boolean, at: LiveStopRef | null | undefined): Member | null {
    const member = this.members.get(id);
    if (!member || member.removed) return null;
    member.lang = lang;
    member.following = following;
    if (at !== undefined) member.at = at;
    if (following) member.at = null;
    return member;
  }

  remove(id: DelegateId, time: number): Member | null {
    const member = this.members.get(id);
    if (!member || member.removed) return null;
    this.disconnect(member, time);
    member.removed = true;
    return member;
  }

  /** Everyone follows again (the guide brought them back). */
  bringBack(): Member[] {
    const moved: Member[] = [];
    for (const member of this.members.values()) {
      if (member.following || member.removed) continue;
      member.following = true;
      member.at = null;
      moved.push(member);
    }
    return moved;
  }

  private disconnect(member: Member, time: number): void {
    member.conn = null;
    const last = member.stretches.at(-1);
    if (last && last[1] === null) last[1] = time;
  }
}
