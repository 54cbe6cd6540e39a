/** The reactions' pictures; their names are UI strings (liveRoom.reactions.<kind>). */
import type { Reaction } from '../../live/protocol';

export const REACTION_ICONS: Record<Reaction, string> = {
  thumbs: '👍',
  clap: '👏',
  heart: '❤️',
  question: '❓',
  slower: '🐢',
};
