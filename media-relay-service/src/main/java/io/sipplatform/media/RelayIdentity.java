package io.sipplatform.media;

/** This relay's identity in responses and events. */
public record RelayIdentity(String id) {
}
