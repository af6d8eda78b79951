package io.sipplatform.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A scenario class: the shared running platform with the scenarios' provisioning, and no SIPp left behind. */
abstract class PlatformScenario {
    static Platform platform;

    @BeforeAll
    static void platform() throws Exception {
        platform = Platform.get();
        Provisioning.ensure(platform);
    }

    @AfterEach
    void stopSipp() throws InterruptedException {
        Sipp.stopAll();
    }

    static String edge(int replica) {
        return Platform.HOST + ":" + Platform.sipPort(replica);
    }
}
