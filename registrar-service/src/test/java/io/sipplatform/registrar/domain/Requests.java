package io.sipplatform.registrar.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Builds REGISTER intents for tests: a valid request for sip:alice@example.com unless told otherwise. */
public final class Requests {
    private String aor = "sip:alice@example.com";
    private String requestUri = "sip:example.com";
    private final List<RequestedContact> contacts = new ArrayList<>();
    private boolean wildcard;
    private Optional<Duration> expires = Optional.empty();
    private String callId = "call-1@ua";
    private long cseq = 1;
    private Optional<SourceAddress> source = Optional.of(new SourceAddress("203.0.113.7", 5060, "UDP"));
    private List<String> path = List.of();
    private Optional<Flow> flow = Optional.empty();
    private final List<DigestFields> authorization = new ArrayList<>();
    private Set<String> supported = Set.of();
    private Set<String> require = Set.of();

    public static Requests register() {
        return new Requests();
    }

    public Requests aor(String value) {
        aor = value;
        return this;
    }

    public Requests requestUri(String value) {
        requestUri = value;
        return this;
    }

    public Requests contact(String uri) {
        contacts.add(RequestedContact.of(uri));
        return this;
    }

    public Requests contact(String uri, long expiresSeconds) {
        contacts.add(new RequestedContact(uri, Optional.of(Duration.ofSeconds(expiresSeconds)), OptionalInt.empty(),
                "", 0));
        return this;
    }

    public Requests contactWithQ(String uri, int qMilli) {
        contacts.add(new RequestedContact(uri, Optional.empty(), OptionalInt.of(qMilli), "", 0));
        return this;
    }

    public Requests flowContact(String uri, String instance, int regId) {
        contacts.add(new RequestedContact(uri, Optional.empty(), OptionalInt.empty(), instance, regId));
        return this;
    }

    public Requests flowContact(String uri, String instance, int regId, long expiresSeconds) {
        contacts.add(new RequestedContact(uri, Optional.of(Duration.ofSeconds(expiresSeconds)), OptionalInt.empty(),
                instance, regId));
        return this;
    }

    public Requests wildcard() {
        wildcard = true;
        return this;
    }

    public Requests expires(long seconds) {
        expires = Optional.of(Duration.ofSeconds(seconds));
        return this;
    }

    public Requests callId(String value) {
        callId = value;
        return this;
    }

    public Requests cseq(long value) {
        cseq = value;
        return this;
    }

    public Requests source(String ip) {
        source = Optional.of(new SourceAddress(ip, 5060, "UDP"));
        return this;
    }

    public Requests path(String... uris) {
        path = List.of(uris);
        return this;
    }

    public Requests flow(String edge, String token) {
        flow = Optional.of(new Flow(edge, token));
        return this;
    }

    public Requests authorization(DigestFields fields) {
        authorization.add(fields);
        return this;
    }

    public Requests supported(String... tags) {
        supported = Set.of(tags);
        return this;
    }

    public Requests require(String... tags) {
        require = Set.of(tags);
        return this;
    }

    public Registration build() {
        return new Registration(new Aor(aor), requestUri, contacts, wildcard, expires, callId, cseq, source, path,
                flow, authorization, supported, require, "test-ua/1.0");
    }
}
