package io.sipplatform.registrar.store;

import java.util.List;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;

/**
 * A binding as stored in the location cache. Field numbers are the wire format between replicas of different
 * versions during a rolling upgrade: never renumber, only add. Absent values have one spelling each ("" for text,
 * -1 for q, 0 for ports) so a value read back equals the value written, which the compare-and-set relies on.
 *
 * @param expiresAtNanos epoch nanoseconds; lossless for the domain's Instant until the year 2262
 * @param qMilli         q times 1000, or -1 when absent
 */
public record StoredBinding(
        @ProtoField(number = 1) String contactUri,
        @ProtoField(number = 2, defaultValue = "0") long expiresAtNanos,
        @ProtoField(number = 3, defaultValue = "-1") int qMilli,
        @ProtoField(number = 4) String instanceId,
        @ProtoField(number = 5, defaultValue = "0") int regId,
        @ProtoField(number = 6) String callId,
        @ProtoField(number = 7, defaultValue = "0") long cseq,
        @ProtoField(number = 8) String sourceIp,
        @ProtoField(number = 9, defaultValue = "0") int sourcePort,
        @ProtoField(number = 10) String sourceTransport,
        @ProtoField(number = 11) List<String> path,
        @ProtoField(number = 12) String flowEdgeId,
        @ProtoField(number = 13) String flowToken,
        @ProtoField(number = 14) String userAgent,
        @ProtoField(number = 15, defaultValue = "0") long updatedAtNanos,
        @ProtoField(number = 16) String site) {

    @ProtoFactory
    public StoredBinding {
        contactUri = orEmpty(contactUri);
        instanceId = orEmpty(instanceId);
        callId = orEmpty(callId);
        sourceIp = orEmpty(sourceIp);
        sourceTransport = orEmpty(sourceTransport);
        path = path == null ? List.of() : List.copyOf(path);
        flowEdgeId = orEmpty(flowEdgeId);
        flowToken = orEmpty(flowToken);
        userAgent = orEmpty(userAgent);
        site = orEmpty(site);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
