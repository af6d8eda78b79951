package io.sipplatform.media.it;

import com.google.protobuf.ByteString;
import io.sipplatform.sip.sdp.SessionDescription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SDP bodies for test parties, from the fixture template. */
final class Sdp {
    private static final String TEMPLATE = load();

    private Sdp() {
    }

    /** A 127.0.0.1 audio offer/answer receiving RTP on {@code rtp} and RTCP on {@code rtcp}. */
    static ByteString audio(int rtp, int rtcp) {
        return ByteString.copyFromUtf8(TEMPLATE.replace("{rtp}", Integer.toString(rtp))
                .replace("{rtcp}", Integer.toString(rtcp)));
    }

    static SessionDescription parse(ByteString body) {
        return SessionDescription.parse(body.toByteArray());
    }

    private static String load() {
        try (InputStream in = Sdp.class.getResourceAsStream("/sdp/party-audio-template.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
