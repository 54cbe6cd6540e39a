/**
 * Whether the player reads the narration aloud. While it does, the captions are not a live
 * region: a screen reader would otherwise speak each step at the same moment as the voice.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const readingAloudStore = createStore<{ reading: boolean }>()(() => ({ reading: false }));

export const useReadingAloud = () => useStore(readingAloudStore, (s) => s.reading);
