package io.sipplatform.registrar.domain;

import java.util.Objects;

/**
 * Where a binding listing continues: after this AOR and contact URI, in AOR then contact order.
 *
 * @param aor        AOR of the last binding returned
 * @param contactUri contact URI of the last binding returned
 */
public record PageCursor(Aor aor, String contactUri) {

    public PageCursor {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contactUri, "contactUri");
    }
}
