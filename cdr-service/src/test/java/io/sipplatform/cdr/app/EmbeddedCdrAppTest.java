package io.sipplatform.cdr.app;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The embedded default: an H2 file database, no server. */
@QuarkusTest
@WithTestResource(EmbeddedFileDatabase.class)
class EmbeddedCdrAppTest extends CdrAppContract {
    @Override
    String expectedDatabase() {
        return "embedded";
    }
}
