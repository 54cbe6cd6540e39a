/**
 * Focus that would fall to `<body>` (WCAG 2.4.3): when an action removes the control that had
 * focus — Present, Leave, Join, End the session — focus goes to the thing that replaced it.
 */

/** True when focus is nowhere a keyboard user can continue from. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement || !active.isConnected;
}

/**
 * Focuses what `find` returns as soon as it is in the page (now, or when the DOM changes within
 * `withinMs`: a relay's answer may take a moment), provided focus is lost or still on the control
 * that started the action — never taken from where the visitor has moved it meanwhile. `options`
 * go to focus(): `{ preventScroll: true }` where the caller decides what the screen shows.
 */
export function focusWhenReady(find: () => HTMLElement | null, withinMs = 8000, options?: FocusOptions): void {
  const origin = document.activeElement;
  let done = false;
  const attempt = () => {
    if (done) return;
    if (!focusIsLost() && document.activeElement !== origin) return finish();
    const target = find();
    if (!target || target === origin) return;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus(options);
    finish();
  };
  const observer = new MutationObserver(attempt);
  const timer = setTimeout(() => finish(), withinMs);
  function finish() {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  attempt();
}
