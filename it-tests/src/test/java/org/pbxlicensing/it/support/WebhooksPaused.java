package org.pbxlicensing.it.support;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables the test server's webhook endpoints for the tests of a class and enables them again after:
 * for counting what a request costs the database, since the server sends a request's events the
 * moment its transaction commits, in the background but usually before the answer is back, and that
 * sending would be counted as the request's. A request still reads the enabled endpoints (none).
 */
public class WebhooksPaused implements BeforeAllCallback, AfterAllCallback {

    private List<String> paused = List.of();

    @Override
    public void beforeAll(ExtensionContext context) {
        paused = Database.strings("SELECT id FROM webhook_endpoint WHERE enabled = 1");
        Database.execute("UPDATE webhook_endpoint SET enabled = 0 WHERE enabled = 1");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (String id : paused) {
            Database.execute("UPDATE webhook_endpoint SET enabled = 1 WHERE id = ?", Long.valueOf(id));
        }
    }
}
