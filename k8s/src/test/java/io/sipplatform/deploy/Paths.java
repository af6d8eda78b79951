package io.sipplatform.deploy;

import java.nio.file.Path;

/** Where the repository's deployment files are; set by the module's surefire configuration. */
final class Paths {
    private Paths() {
    }

    static Path root() {
        return Path.of(System.getProperty("deploy.root", "..")).toAbsolutePath().normalize();
    }

    static Path chart() {
        return root().resolve("helm/sip-platform");
    }

    static Path kustomize() {
        return root().resolve("k8s");
    }

    static Path schemas() {
        return Path.of(System.getProperty("deploy.schemas", "target/k8s-schemas")).toAbsolutePath();
    }
}
