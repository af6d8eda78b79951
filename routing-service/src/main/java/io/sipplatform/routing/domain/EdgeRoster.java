package io.sipplatform.routing.domain;

import java.time.Instant;
import java.util.Set;

/** Port: the edge replicas that asked for probe targets recently, shared by all routing replicas. */
public interface EdgeRoster {

    /** Records that {@code edgeId} asked now and returns every edge seen within the roster's lifetime. */
    Set<String> checkIn(String edgeId, Instant now);
}
