package org.pbxlicensing.web.faces;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The offline exchange of a MikoPBX on a closed network, as pages do it: an uploaded request file
 * is read (within the LicenseV2 limit) and the answer goes back as a file to carry to the PBX.
 */
public final class OfflineRequestFile {

    /** The LicenseV2 limit on a request body. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    /** The name the answer file is downloaded under. */
    public static final String ANSWER_FILE_NAME = "license-answer.txt";

    private OfflineRequestFile() {
    }

    /** The uploaded file's bytes; empty when nothing was uploaded, the file is empty or too large. */
    public static Optional<byte[]> read(Part file) {
        if (file == null || file.getSize() == 0 || file.getSize() > MAX_FILE_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = file.getInputStream()) {
            return Optional.of(in.readNBytes(MAX_FILE_BYTES));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Answers the current request with the answer file: the signed token or refusal string, exactly
     * those bytes, which the PBX's import takes as they are.
     */
    public static void download(String signedAnswer) throws IOException {
        byte[] bytes = (signedAnswer == null ? "" : signedAnswer).getBytes(StandardCharsets.US_ASCII);
        var context = FacesContext.getCurrentInstance();
        var external = context.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/plain; charset=US-ASCII");
        external.setResponseContentLength(bytes.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + ANSWER_FILE_NAME + "\"");
        external.getResponseOutputStream().write(bytes);
        context.responseComplete();
    }
}
