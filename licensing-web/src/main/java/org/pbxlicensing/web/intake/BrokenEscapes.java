package org.pbxlicensing.web.intake;

import io.undertow.connector.PooledByteBuffer;
import java.nio.ByteBuffer;
import java.util.List;

/** Finds a {@code %} that two hex digits do not follow in a url-encoded body, however its bytes are split. */
final class BrokenEscapes {

    private BrokenEscapes() {
    }

    /** @param body the body's buffers, ready to be read; they are left as they are */
    static boolean in(List<PooledByteBuffer> body) {
        int digitsDue = 0;
        for (PooledByteBuffer pooled : body) {
            ByteBuffer bytes = pooled.getBuffer().duplicate();
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                if (digitsDue > 0) {
                    if (Character.digit(b, 16) < 0) {
                        return true;
                    }
                    digitsDue--;
                } else if (b == '%') {
                    digitsDue = 2;
                }
            }
        }
        return digitsDue > 0;
    }
}
