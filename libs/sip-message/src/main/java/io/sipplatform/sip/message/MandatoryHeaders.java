package io.sipplatform.sip.message;

import java.util.List;

/**
 * The raw values of the headers a response must copy from its request (RFC 3261 §8.2.6.2), as far as a malformed
 * frame let them be read. Values are unfolded and trimmed but otherwise verbatim. Missing ones are null (Via: empty).
 *
 * @param method the request method when the start line was a readable request line, else null
 * @param vias   raw Via header field values in order (each may hold several comma-separated values)
 * @param from   From value or null
 * @param to     To value or null
 * @param callId Call-ID value or null
 * @param cseq   CSeq value or null
 */
public record MandatoryHeaders(String method, List<String> vias, String from, String to, String callId,
                               String cseq) {
    public static final MandatoryHeaders NONE = new MandatoryHeaders(null, List.of(), null, null, null, null);

    public MandatoryHeaders {
        vias = List.copyOf(vias);
    }

    /** True when a request can be answered: it is a request with a Via, From, To, Call-ID and CSeq. */
    public boolean answerable() {
        return method != null && !vias.isEmpty() && from != null && to != null && callId != null && cseq != null
                && !"ACK".equals(method);
    }
}
