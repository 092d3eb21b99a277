package org.pbxlicensing.web.admin;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a webhook URL is refused, in the staff's words. The server states its reasons in fixed English
 * phrases, which also go to the server's log; each is read here from the admin texts
 * ({@code webhooks.refused.*}), with the host and address it names. A reason not known here is shown as it is.
 */
final class WebhookUrlRefusals {

    private static final String BUNDLE = "org.pbxlicensing.web.admin.messages";
    private static final List<Reason> REASONS = List.of(
            new Reason("not a URL", "notUrl"),
            new Reason("no URL", "notUrl"),
            new Reason("only http and https URLs", "scheme"),
            new Reason("no host", "noHost"),
            new Reason("no user name or password in the URL", "userInfo"),
            new Reason("the host (.+) does not resolve", "unresolved"),
            new Reason("(.+) resolves to (\\S+), a loopback, link-local or private address \\(.*\\)", "private"));

    private WebhookUrlRefusals() {
    }

    static String inWords(String reason, Locale language) {
        for (Reason known : REASONS) {
            Matcher matcher = known.pattern().matcher(reason);
            if (matcher.matches()) {
                Object[] values = new Object[matcher.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = matcher.group(i + 1);
                }
                String text = ResourceBundle.getBundle(BUNDLE, language, WebhookUrlRefusals.class.getClassLoader())
                        .getString("webhooks.refused." + known.key());
                return new MessageFormat(text, language).format(values);
            }
        }
        return reason;
    }

    private record Reason(Pattern pattern, String key) {
        Reason(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }
}
