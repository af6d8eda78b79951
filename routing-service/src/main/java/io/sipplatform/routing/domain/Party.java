package io.sipplatform.routing.domain;

/**
 * A name-addr as the edge read it (From, To, P-Asserted-Identity): display name and URI text.
 *
 * @param displayName unquoted display name, empty when absent
 * @param uri         sip:, sips: or tel: URI text, tag not included
 */
public record Party(String displayName, String uri) {
    public Party {
        displayName = displayName == null ? "" : displayName;
        uri = uri == null ? "" : uri;
    }
}
