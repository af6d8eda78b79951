package io.sipplatform.routing.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A registrar answering from a map; {@link #down} makes every lookup fail as a timed-out gRPC call would. */
final class FakeRegistrar implements RegistrarLookup {
    final Map<String, List<RegisteredContact>> bindings = new HashMap<>();
    boolean down;

    @Override
    public List<RegisteredContact> contacts(String aor) {
        if (down) {
            throw new Unavailable("registrar down", null);
        }
        return bindings.getOrDefault(aor, List.of());
    }
}
