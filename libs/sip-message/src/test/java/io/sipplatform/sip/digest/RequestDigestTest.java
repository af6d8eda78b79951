package io.sipplatform.sip.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published RFC vectors, and SIP vectors computed in the shell with md5sum / sha256sum / openssl dgst. */
class RequestDigestTest {
    static final String REGISTER_NONCE = "AAAAAGVT8QABAgMEBQYHCP73ol_UXZMDoJUFp-pU-hM";

    @Test
    void rfc7616Md5ExampleResponse() {
        String ha1 = Ha1.of(DigestAlgorithm.MD5, "Mufasa", "http-auth@example.org", "Circle of Life");
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", RequestDigest.compute(DigestAlgorithm.MD5, ha1,
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", "GET", "/dir/index.html"));
    }

    @Test
    void rfc7616Sha256ExampleResponse() {
        String ha1 = Ha1.of(DigestAlgorithm.SHA_256, "Mufasa", "http-auth@example.org", "Circle of Life");
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                RequestDigest.compute(DigestAlgorithm.SHA_256, ha1, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                        "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", "GET",
                        "/dir/index.html"));
    }

    @Test
    void rfc2617Md5ExampleResponse() {
        String ha1 = Ha1.of(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("6629fae49393a05397450978507c4ef1", RequestDigest.compute(DigestAlgorithm.MD5, ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET", "/dir/index.html"));
    }

    @ParameterizedTest(name = "REGISTER with {0}, qop={1}")
    @CsvSource(nullValues = "-", value = {
        "MD5,              auth, 12af60467a33e8518da5c68bbff12b11, bfbb0f22181fcb9cc33a96f4b4c0e0a3",
        "MD5,              -,    12af60467a33e8518da5c68bbff12b11, 5817441f04167a7a296a753648cfb9bf",
        "MD5_SESS,         auth, 12af60467a33e8518da5c68bbff12b11, 6d545c15b550e8dca3215fedf42eba39",
        "SHA_256,          auth, e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e, "
                + "b0e741f0bfbf95b946b32f3a3d65c6c30498041558892f8769c86a803f672f33",
        "SHA_256,          -,    e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e, "
                + "8f1a668a8c31cdd284cb0c9688ef30562549aa3c3a84da483d6d93a157a31fce",
        "SHA_256_SESS,     auth, e65db393e748c5228939a6b4b2879e9ea5625cd79fd5267868cb568d69f6b97e, "
                + "f751a3e39b067b3e0ea31dc36f84fe6d1c3e7acbcad26efa0ce29f55be7e4c70",
        "SHA_512_256,      auth, a969680ab364e333ec5c93ff823d570a79841c8d40270655dd42f37b755dfc38, "
                + "2be40b02b5bc6839a189ca0dbab9149fb98f36ca3af363bf6782dce65edb3d1e",
        "SHA_512_256_SESS, auth, a969680ab364e333ec5c93ff823d570a79841c8d40270655dd42f37b755dfc38, "
                + "50a096a49afcfc084a96f18db4730cf37b136b980c5bfe6c7985a8a1ac178b5a"})
    void sipRegisterResponseMatchesShellComputation(DigestAlgorithm algorithm, String qop, String ha1,
            String expected) {
        String nc = qop == null ? null : "00000001";
        String cnonce = qop == null ? null : "0a4f113b";
        assertEquals(expected, RequestDigest.compute(algorithm, ha1, REGISTER_NONCE, nc, cnonce, qop, "REGISTER",
                "sip:biloxi.com"));
    }
}
