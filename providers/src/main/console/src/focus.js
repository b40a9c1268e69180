/**
 * Where the focus goes when the screen changes (WCAG 2.4.3): to the new screen's heading, so a
 * screen reader announces it and Tab continues from there. Two exceptions: a page just loaded keeps
 * the browser's starting point until the person acts (their first Tab reaches "Skip to content"),
 * and a change of language leaves the focus on the language switch.
 */
let acted = false;
let shownLocale = null;

/** Called once at start: from the first key or pointer press on, new screens take the focus. */
export function watchFirstAction() {
  const act = () => {
    acted = true;
  };
  document.addEventListener('keydown', act, { capture: true, once: true });
  document.addEventListener('pointerdown', act, { capture: true, once: true });
}

/** Focuses the heading of a screen that just opened (or was retitled) in {@code locale}. */
export function focusNewScreen(heading, locale) {
  const relabelled = shownLocale !== null && shownLocale !== locale;
  shownLocale = locale;
  if (heading && acted && !relabelled) {
    heading.focus({ preventScroll: true });
  }
}

/**
 * After a change removed the control that had the focus (a row's button once the row is done, a
 * dialog's opener), the focus goes to {@code target} instead of falling back to the page's start (2.4.3).
 */
export function refocusIfLost(target) {
  const active = document.activeElement;
  if (target && (!active || active === document.body || !active.isConnected)) {
    target.focus({ preventScroll: true });
  }
}
