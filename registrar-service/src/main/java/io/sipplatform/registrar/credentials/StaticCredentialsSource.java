package io.sipplatform.registrar.credentials;

import io.sipplatform.registrar.RegistrarConfig;
import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.CredentialsSource;
import io.sipplatform.registrar.domain.DigestAccount;
import io.sipplatform.sip.digest.DigestAlgorithm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Digest accounts from {@code registrar.credentials.accounts.*}: HA1 values checked at startup (a malformed one
 * fails the start, not a REGISTER hours later). Plaintext passwords are not accepted anywhere.
 */
public final class StaticCredentialsSource implements CredentialsSource {
    private final Map<String, DigestAccount> accounts;

    public StaticCredentialsSource(Map<String, DigestAccount> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    /** Reads and validates the configured accounts. */
    public static StaticCredentialsSource fromConfig(Map<String, RegistrarConfig.StaticAccount> configured) {
        Map<String, DigestAccount> accounts = new HashMap<>();
        configured.forEach((id, account) -> {
            Map<DigestAlgorithm, String> ha1 = new EnumMap<>(DigestAlgorithm.class);
            account.ha1Md5().ifPresent(hex -> ha1.put(DigestAlgorithm.MD5, hex(id, "ha1-md5", hex, 32)));
            account.ha1Sha256().ifPresent(hex -> ha1.put(DigestAlgorithm.SHA_256, hex(id, "ha1-sha256", hex, 64)));
            account.ha1Sha512256().ifPresent(
                    hex -> ha1.put(DigestAlgorithm.SHA_512_256, hex(id, "ha1-sha512256", hex, 64)));
            if (ha1.isEmpty()) {
                throw new IllegalArgumentException("registrar.credentials.accounts." + id + " has no HA1");
            }
            List<Aor> aors = new ArrayList<>();
            for (String aor : account.aors().orElse(List.of())) {
                aors.add(new Aor(aor));
            }
            accounts.put(key(account.username(), account.realm()),
                    new DigestAccount(account.username(), account.realm(), ha1, aors, "", id));
        });
        return new StaticCredentialsSource(accounts);
    }

    private static String hex(String id, String name, String value, int length) {
        if (value.length() != length) {
            throw new IllegalArgumentException("registrar.credentials.accounts." + id + "." + name + " must be "
                    + length + " hex digits");
        }
        try {
            HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("registrar.credentials.accounts." + id + "." + name + " is not hex", e);
        }
        return value;
    }

    @Override
    public Optional<DigestAccount> find(String username, String realm) {
        return Optional.ofNullable(accounts.get(key(username, realm)));
    }

    private static String key(String username, String realm) {
        return username + "\u0000" + realm;
    }
}
