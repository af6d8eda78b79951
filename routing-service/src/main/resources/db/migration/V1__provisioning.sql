-- Provisioning of routing-service. Written in the SQL that PostgreSQL and H2 (MODE=PostgreSQL) both run: no
-- SERIAL, no arrays, no JSON; list-valued fields are child tables ordered by "ord".

-- One row; every committed write increments it, and every replica polls it to notice changes.
CREATE TABLE store_revision (
    id       INTEGER PRIMARY KEY,
    revision BIGINT  NOT NULL
);
INSERT INTO store_revision (id, revision) VALUES (1, 0);

CREATE TABLE route_table (
    id   VARCHAR(64)  PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
INSERT INTO route_table (id, name) VALUES ('default', 'Default routes');

CREATE TABLE customer (
    id             VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    route_table_id VARCHAR(64)  REFERENCES route_table (id)
);

CREATE TABLE trunk (
    id                   VARCHAR(64)  PRIMARY KEY,
    customer_id          VARCHAR(64)  NOT NULL REFERENCES customer (id),
    name                 VARCHAR(200) NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    auth_kind            VARCHAR(8)   NOT NULL,   -- ADDRESS or DIGEST
    transports           VARCHAR(40)  NOT NULL,   -- comma-separated, ADDRESS only
    max_concurrent       INTEGER      NOT NULL,
    max_cps              INTEGER      NOT NULL,
    allow_international  BOOLEAN      NOT NULL,
    allow_premium        BOOLEAN      NOT NULL,
    caller_id_mode       VARCHAR(8)   NOT NULL,
    caller_id_default    VARCHAR(16),
    trust_pai            BOOLEAN      NOT NULL,
    allow_own_dids       BOOLEAN      NOT NULL,
    country_code         VARCHAR(3)   NOT NULL,
    national_prefix      VARCHAR(4)   NOT NULL,
    international_prefix VARCHAR(6)   NOT NULL,
    area_code            VARCHAR(6)   NOT NULL,
    bare_e164            BOOLEAN      NOT NULL,
    media_relay          BOOLEAN      NOT NULL,
    strip_ice            BOOLEAN      NOT NULL,
    codecs               VARCHAR(2000) NOT NULL,  -- comma-separated encoding names
    delivery_format      VARCHAR(8)   NOT NULL
);
CREATE INDEX trunk_customer ON trunk (customer_id);

CREATE TABLE trunk_network (
    trunk_id VARCHAR(64) NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
    ord      INTEGER     NOT NULL,
    cidr     VARCHAR(64) NOT NULL,
    PRIMARY KEY (trunk_id, ord)
);

-- Digest accounts are unique per (username, realm) across all trunks: that pair is what a UA sends.
CREATE TABLE trunk_account (
    username   VARCHAR(200) NOT NULL,
    realm      VARCHAR(200) NOT NULL,
    trunk_id   VARCHAR(64)  NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
    ord        INTEGER      NOT NULL,
    ha1_md5    VARCHAR(32),
    ha1_sha256 VARCHAR(64),
    PRIMARY KEY (username, realm)
);
CREATE INDEX trunk_account_trunk ON trunk_account (trunk_id);

CREATE TABLE trunk_aor (
    aor      VARCHAR(500) PRIMARY KEY,
    trunk_id VARCHAR(64)  NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
    ord      INTEGER      NOT NULL
);
CREATE INDEX trunk_aor_trunk ON trunk_aor (trunk_id);

CREATE TABLE trunk_prefix_rule (
    trunk_id    VARCHAR(64) NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
    ord         INTEGER     NOT NULL,
    prefix      VARCHAR(16) NOT NULL,
    rule_action VARCHAR(8)  NOT NULL,
    PRIMARY KEY (trunk_id, ord)
);

CREATE TABLE trunk_caller_id (
    trunk_id VARCHAR(64) NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
    ord      INTEGER     NOT NULL,
    prefix   VARCHAR(16) NOT NULL,
    PRIMARY KEY (trunk_id, ord)
);

CREATE TABLE trunk_address (
    trunk_id VARCHAR(64)  NOT NULL REFERENCES trunk (id) ON DELETE CASCADE,
    ord      INTEGER      NOT NULL,
    uri      VARCHAR(500) NOT NULL,
    PRIMARY KEY (trunk_id, ord)
);

CREATE TABLE did (
    e164        VARCHAR(16)  PRIMARY KEY,
    customer_id VARCHAR(64)  NOT NULL REFERENCES customer (id),
    trunk_id    VARCHAR(64)  NOT NULL REFERENCES trunk (id),
    delivery    VARCHAR(12)  NOT NULL,
    aor         VARCHAR(500),
    forking     VARCHAR(12)  NOT NULL,
    enabled     BOOLEAN      NOT NULL
);
CREATE INDEX did_trunk ON did (trunk_id);
CREATE INDEX did_customer ON did (customer_id);

CREATE TABLE carrier (
    id                   VARCHAR(64)  PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    rewrite_format       VARCHAR(8)   NOT NULL,
    rewrite_strip        INTEGER      NOT NULL,
    rewrite_add          VARCHAR(16)  NOT NULL,
    tech_prefix          VARCHAR(16)  NOT NULL,
    country_code         VARCHAR(3)   NOT NULL,
    national_prefix      VARCHAR(4)   NOT NULL,
    international_prefix VARCHAR(6)   NOT NULL,
    area_code            VARCHAR(6)   NOT NULL,
    bare_e164            BOOLEAN      NOT NULL,
    auth_username        VARCHAR(200),
    auth_realm           VARCHAR(200),
    auth_ha1_md5         VARCHAR(32),
    auth_ha1_sha256      VARCHAR(64)
);

CREATE TABLE carrier_source (
    carrier_id VARCHAR(64) NOT NULL REFERENCES carrier (id) ON DELETE CASCADE,
    ord        INTEGER     NOT NULL,
    cidr       VARCHAR(64) NOT NULL,
    PRIMARY KEY (carrier_id, ord)
);

CREATE TABLE gateway (
    id         VARCHAR(64)  PRIMARY KEY,
    carrier_id VARCHAR(64)  NOT NULL REFERENCES carrier (id) ON DELETE CASCADE,
    ord        INTEGER      NOT NULL,
    host       VARCHAR(255) NOT NULL,
    port       INTEGER      NOT NULL,
    transport  VARCHAR(4)   NOT NULL,
    priority   INTEGER      NOT NULL,
    weight     INTEGER      NOT NULL,
    enabled    BOOLEAN      NOT NULL,
    probe      BOOLEAN      NOT NULL
);
CREATE INDEX gateway_carrier ON gateway (carrier_id);

CREATE TABLE route (
    id             VARCHAR(64) PRIMARY KEY,
    route_table_id VARCHAR(64) NOT NULL REFERENCES route_table (id),
    prefix         VARCHAR(16) NOT NULL,
    UNIQUE (route_table_id, prefix)
);

CREATE TABLE route_carrier (
    route_id   VARCHAR(64) NOT NULL REFERENCES route (id) ON DELETE CASCADE,
    ord        INTEGER     NOT NULL,
    carrier_id VARCHAR(64) NOT NULL REFERENCES carrier (id),
    priority   INTEGER     NOT NULL,
    weight     INTEGER     NOT NULL,
    PRIMARY KEY (route_id, ord)
);
CREATE INDEX route_carrier_carrier ON route_carrier (carrier_id);

CREATE TABLE emergency_route (
    dialled VARCHAR(15) PRIMARY KEY
);

CREATE TABLE emergency_carrier (
    dialled    VARCHAR(15) NOT NULL REFERENCES emergency_route (dialled) ON DELETE CASCADE,
    ord        INTEGER     NOT NULL,
    carrier_id VARCHAR(64) NOT NULL REFERENCES carrier (id),
    priority   INTEGER     NOT NULL,
    weight     INTEGER     NOT NULL,
    PRIMARY KEY (dialled, ord)
);
