/**
 * Whether the visitor has gone past the tour's last step: a clicker's Next at 10/10 then shows the
 * closing card instead of doing nothing. Not part of the visit store: it is no place and no URL,
 * only the last slide of the show; any move to a step puts it away.
 */
import { createStore, useStore } from 'zustand';

export const tourEndStore = createStore<{ ended: boolean }>(() => ({ ended: false }));

export const setTourEnded = (ended: boolean) => tourEndStore.setState({ ended });

export const useTourEnded = () => useStore(tourEndStore, (s) => s.ended);
