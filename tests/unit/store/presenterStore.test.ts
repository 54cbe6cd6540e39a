import { describe, expect, it } from 'vitest';
import { createPresenterStore, initialPresenterState } from '../../../src/store/presenterStore';

describe('the presenter store', () => {
  it('is made fresh for each app or test: one store changes, another does not', () => {
    const a = createPresenterStore();
    const b = createPresenterStore();
    a.getState().enter();
    a.getState().toggle('bilingual');
    expect(a.getState()).toMatchObject({ presenting: true, bilingual: true });
    expect(b.getState()).toMatchObject(initialPresenterState);
  });

  it('enters and leaves with nothing blanked and no help card, and keeps the bilingual choice', () => {
    const store = createPresenterStore();
    store.getState().toggle('bilingual');
    store.getState().setBlank(true);
    store.getState().toggle('help');
    store.getState().enter();
    expect(store.getState()).toMatchObject({ presenting: true, bilingual: true, blank: false, help: false });
    store.getState().setBlank(true);
    store.getState().leave();
    expect(store.getState()).toMatchObject({ presenting: false, bilingual: true, blank: false, help: false });
  });
});
