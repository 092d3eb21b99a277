package org.pbxlicensing.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * axe-core (Deque's own script, injected into the page) run on the page a browser shows, against the rules
 * of WCAG 2.0 and 2.1, levels A and AA. A walk over several pages collects what each page breaks and
 * fails once, at its end, with every page's list; each page checked leaves its screenshot.
 */
public final class Accessibility {

    /** The sizes the pages are looked at: a desktop window and a phone's screen (CSS pixels). */
    public enum Screen {
        DESKTOP(1280, 900, false), PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Screen(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        public String label() {
            return name().toLowerCase() + "-" + width + "x" + height;
        }
    }

    private static final AxeRunOptions WCAG_AA_VIOLATIONS = wcagAAViolations();
    /** What keeps a user from using the page; "moderate" and "minor" findings are not counted. */
    private static final Set<String> BLOCKING = Set.of("critical", "serious");

    private final Browser browser;
    private final String area;
    private final String language;
    private final Screen screen;
    private final List<String> violations = new ArrayList<>();

    private Accessibility(Browser browser, String area, String language, Screen screen) {
        this.browser = browser;
        this.area = area;
        this.language = language;
        this.screen = screen;
    }

    /** Checks pages of the area ({@code portal}, {@code admin}) in that language on that screen. */
    public static Accessibility of(Browser browser, String area, String language, Screen screen) {
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen.width,
                "height", screen.height, "deviceScaleFactor", screen.mobile ? 2 : 1, "mobile", screen.mobile));
        return new Accessibility(browser, area, language, screen);
    }

    /**
     * Runs axe-core on the page the browser shows now, notes its critical and serious violations, saves its
     * screenshot. On a phone, also notes a page that scrolls sideways and an open dialog that does not fit
     * the screen (what is wider, such as a long host id, must wrap or scroll inside its own box).
     */
    public void check(String page) {
        browser.screenshot(String.join("-", "a11y", area, page, language, screen.label()));
        if (screen.mobile) {
            violations.addAll(tooWideFor(page));
        }
        // In the page itself ("legacy" mode): the pages have no frames, and no extra window is opened per check.
        Results results = new AxeBuilder().withOptions(WCAG_AA_VIOLATIONS).setLegacyMode(true).analyze(browser.driver());
        String where = page + " (" + language + ", " + screen.label() + ")";
        if (results.isErrored()) {
            violations.add(where + ": axe-core failed: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                violations.add(where + ": " + describe(rule));
            }
        }
    }

    private List<String> tooWideFor(String page) {
        List<?> found = (List<?>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const width = arguments[0], found = [];
                if (document.documentElement.scrollWidth > width) {
                    found.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' px');
                }
                for (const dialog of document.querySelectorAll('.ui-dialog')) {
                    const box = dialog.getBoundingClientRect();
                    if (box.width > 0 && (Math.ceil(box.right) > width || box.left < 0)) {
                        found.push('dialog ' + dialog.id + ' does not fit: ' + Math.ceil(box.width) + ' px');
                    }
                }
                return found;""", screen.width);
        String where = page + " (" + language + ", " + screen.label() + "): ";
        return found.stream().map(problem -> where + problem).toList();
    }

    /** Fails with every critical or serious violation (and, on a phone, every overflow) found so far. */
    public void assertNoneFound() {
        assertEquals(List.of(), violations,
                "critical or serious WCAG 2.1 AA violations (rule, impact, elements), and overflows on a phone");
    }

    /** The rules of WCAG 2.0 and 2.1, A and AA; the details of passed checks are not collected, which saves time. */
    private static AxeRunOptions wcagAAViolations() {
        var tags = new AxeRunOnlyOptions();
        tags.setType("tag");
        tags.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        var options = new AxeRunOptions();
        options.setRunOnly(tags);
        options.setResultTypes(List.of("violations"));
        options.setIFrames(false);
        return options;
    }

    private static String describe(Rule rule) {
        List<String> targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).toList();
        return rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " at " + targets;
    }
}
