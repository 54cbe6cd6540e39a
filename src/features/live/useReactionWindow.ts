/**
 * Adds up the relay's per-second reaction counts over a window (the guide's last minute, a
 * delegate's last few seconds), so a screen shows an aggregate that moves calmly — never one
 * item per reaction.
 */
import { useEffect, useState } from 'react';
import { REACTIONS, type ReactionCounts } from '../../live/protocol';
import { useLive } from './LiveSessionContext';

export function useReactionWindow(windowMs: number): ReactionCounts {
  const reactions = useLive((s) => s.reactions);
  const [entries, setEntries] = useState<{ at: number; counts: ReactionCounts }[]>([]);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (reactions.seq === 0) return;
    const at = Date.now();
    setEntries((list) => [...list.filter((e) => e.at > at - windowMs), { at, counts: reactions.counts }]);
    setNow(at);
  }, [reactions, windowMs]);

  // While anything is in the window, look again each second so old counts fall out of it.
  useEffect(() => {
    if (entries.length === 0) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      setEntries((list) => (list.some((e) => e.at <= at - windowMs) ? list.filter((e) => e.at > at - windowMs) : list));
    }, 1000);
    return () => clearInterval(timer);
  }, [entries.length, windowMs]);

  const sum: ReactionCounts = {};
  for (const e of entries) {
    if (e.at <= now - windowMs) continue;
    for (const kind of REACTIONS) {
      const n = e.counts[kind];
      if (n) sum[kind] = (sum[kind] ?? 0) + n;
    }
  }
  return sum;
}
