package io.sipplatform.sip.digest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Parameters as the header layer would hand them over: unquoted values by name, null when absent. */
final class Params {
    private Params() {
    }

    /** {@code of("realm", "biloxi.com", "nonce", "x")}; a null value means the parameter is absent. */
    static Function<String, String> of(String... namesAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map::get;
    }

    /** {@code base} with {@code name} set to {@code value} (null removes it). */
    static Function<String, String> with(Function<String, String> base, String name, String value) {
        return key -> key.equals(name) ? value : base.apply(key);
    }
}
