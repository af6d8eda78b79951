package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Expected values computed with {@code printf '%s' 'user:realm:password' | md5sum} (sha256sum, openssl). */
class Ha1Test {

    @ParameterizedTest(name = "{0} {1}@{2}")
    @CsvSource(delimiter = '|', value = {
        // RFC 7616 §3.9.1
        "MD5         | Mufasa | http-auth@example.org | Circle of Life | 3d78807defe7de2157e2b0b6573a855f",
        "SHA_256     | Mufasa | http-auth@example.org | Circle of Life "
                + "| 7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
        // RFC 2617 §3.5
        "MD5         | Mufasa | testrealm@host.com    | Circle Of Life | 939e7578ed9e3c518a452acee763bce9",
        // SIP REGISTER example (RFC 3261 §24 names)
        "MD5_SESS    | bob    | biloxi.com            | zanzibar       | 12af60467a33e8518da5c68bbff12b11",
        "SHA_256_SESS| bob    | biloxi.com            | zanzibar       "
                + "| e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e",
        "SHA_512_256 | bob    | biloxi.com            | zanzibar       "
                + "| a969680ab364e333ec5c93ff823d570a79841c8d40270655dd42f37b755dfc38"})
    void ha1IsTheHashOfUsernameRealmAndPassword(DigestAlgorithm algorithm, String username, String realm,
            String password, String expected) {
        assertEquals(expected, Ha1.of(algorithm, username, realm, password));
    }

    @ParameterizedTest
    @EnumSource(value = DigestAlgorithm.class, names = {"MD5", "SHA_256", "SHA_512_256"})
    void nonSessionHa1IsUsedAsStored(DigestAlgorithm algorithm) {
        String ha1 = Ha1.of(algorithm, "bob", "biloxi.com", "zanzibar");
        assertSame(ha1, Ha1.forNonce(algorithm, ha1, "nonce", "cnonce"));
    }

    @Test
    void sessionHa1CoversNonceAndCnonce() {
        String nonce = "AAAAAGVT8QABAgMEBQYHCP73ol_UXZMDoJUFp-pU-hM";
        // printf '%s' "$HA1:$NONCE:0a4f113b" | md5sum
        assertEquals("bd6c35d9961a0b88f891fc38624380ae",
                Ha1.forNonce(DigestAlgorithm.MD5_SESS, "12af60467a33e8518da5c68bbff12b11", nonce, "0a4f113b"));
        assertEquals("e72229e4d2420a153b6ab40ad8d04a6869d1b38d8be2fb97ed9c027684382d8b",
                Ha1.forNonce(DigestAlgorithm.SHA_256_SESS,
                        "e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e", nonce, "0a4f113b"));
    }

    @Test
    void sessionHa1WithoutCnonceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Ha1.forNonce(DigestAlgorithm.MD5_SESS, "12af60467a33e8518da5c68bbff12b11", "n", null));
    }
}
