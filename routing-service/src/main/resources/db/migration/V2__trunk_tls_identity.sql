-- Certificate trunks (trunk.auth_kind CERT, matched by the client certificate of a mutual-TLS connection; their
-- optional source networks stay in trunk_network). One row per accepted certificate: kind FINGERPRINT, SAN or
-- SUBJECT; "accepted" as provisioned, match_key as compared (lower-case hex, lower-case DNS name, X.500 canonical
-- DN). Unique per kind, so one certificate never names two trunks.
CREATE TABLE trunk_tls_identity (
    trunk_id  VARCHAR(64)   NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
    ord       INTEGER       NOT NULL,
    kind      VARCHAR(12)   NOT NULL,
    accepted  VARCHAR(500)  NOT NULL,
    match_key VARCHAR(1000) NOT NULL,
    PRIMARY KEY (trunk_id, ord),
    UNIQUE (kind, match_key)
);
