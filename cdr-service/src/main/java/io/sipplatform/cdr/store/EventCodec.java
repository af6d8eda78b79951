package io.sipplatform.cdr.store;

import io.sipplatform.cdr.domain.CallEvent;

/** How events are kept in call_event.payload; the store refolds CDRs from these bytes. */
public interface EventCodec {
    /** The stored form of the event. */
    byte[] encode(CallEvent event);

    /** The event back from its stored form. */
    CallEvent decode(byte[] payload);
}
