package ca.novascotia.lampss.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A person using the keyboard alone: keys go where the focus is, never to an element picked by the
 * test. The page is only read (where the focus is, what it shows), to assert what a sighted keyboard
 * user sees: a focus indicator (2.4.7) on the element they expect (2.4.3).
 */
public final class Keyboard {

    /** Enough presses to cross any screen of the console; more means the element is not reachable. */
    private static final int MAX_PRESSES = 80;

    private final Chromium browser;

    public Keyboard(Chromium browser) {
        this.browser = browser;
    }

    /** Presses keys (or types text) at the focus. */
    public void press(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Replaces the focused field's text, as a person does: select all, then type. */
    public void retype(String text) {
        press(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, text);
    }

    /** Tab until the focus is on an element matching {@code css}; fails if it never gets there. */
    public void tabTo(String css) {
        moveTo(css, Keys.TAB);
    }

    /** Shift+Tab until the focus is on an element matching {@code css}. */
    public void tabBackTo(String css) {
        moveTo(css, Keys.chord(Keys.SHIFT, Keys.TAB));
    }

    private void moveTo(String css, CharSequence key) {
        for (int i = 0; i < MAX_PRESSES; i++) {
            if (focusMatches(css)) {
                return;
            }
            press(key);
        }
        throw new AssertionError("the keyboard never reached " + css + "; the focus is on " + describeFocus());
    }

    public boolean focusMatches(String css) {
        return Boolean.TRUE.equals(browser.js("return !!document.activeElement && document.activeElement.matches(arguments[0]);", css));
    }

    /** Waits until the focus is on an element matching {@code css} (screens render after the key press). */
    public void waitForFocus(String css, String step) {
        browser.waitUntil(d -> focusMatches(css), step + ": the focus on " + css + " (it is on " + describeFocus() + ")");
        assertFocusVisible(step);
    }

    /** The screen's heading has the focus, with its text (after a form is sent or a link followed). */
    public void assertFocusOnHeading(String heading, String step) {
        waitForFocus("h1#lampss-page-title", step);
        assertEquals(heading, browser.driver.switchTo().activeElement().getText(), step);
    }

    /** The focused element shows an indicator: a computed outline or box shadow (2.4.7). */
    public void assertFocusVisible(String step) {
        Object missing = browser.js("const e = document.activeElement;"
                + "if (!e || e === document.body) return 'nothing has the focus';"
                + "const s = getComputedStyle(e);"
                + "const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                + "return outline || s.boxShadow !== 'none' ? null : 'no focus indicator on ' + e.outerHTML.slice(0, 160);");
        assertNull(missing, step);
    }

    public String describeFocus() {
        return String.valueOf(browser.js("const e = document.activeElement;"
                + "return e ? e.outerHTML.slice(0, 160) : 'nothing';"));
    }
}
