package io.sipplatform.edge.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SSLOptions;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reloads a TLS/WSS listener's certificate when its files change: a periodic Vert.x timer reads the files without
 * blocking and compares their contents with the last pair tried. A changed pair whose key matches its certificate
 * is handed to the server ({@code updateSSLOptions}): new connections get it, open ones keep their session. A bad
 * pair is counted and logged once, the old one stays, and the next change is tried again.
 */
final class CertificateWatch {
    private static final System.Logger LOG = System.getLogger(CertificateWatch.class.getName());

    private final Wiring wiring;
    private final TlsSettings tls;
    private final Function<SSLOptions, Future<Boolean>> apply;
    private volatile PemFiles attempted;
    private volatile boolean unreadable;
    private volatile BoundListener listener;
    private Future<Boolean> running;
    private long timerId = -1;

    CertificateWatch(Wiring wiring, TlsSettings tls, PemFiles loaded, Function<SSLOptions, Future<Boolean>> apply) {
        this.wiring = wiring;
        this.tls = tls;
        this.attempted = loaded;
        this.apply = apply;
    }

    /** Reads and checks the files for a listener's start; fails when they are unreadable or do not match. */
    static Future<PemFiles> load(Vertx vertx, TlsSettings tls) {
        return PemFiles.read(vertx.fileSystem(), tls).compose(files -> verified(vertx, files));
    }

    /** The SSL options serving {@code files}. */
    static SSLOptions sslOptions(PemFiles files) {
        SSLOptions options = new SSLOptions().setKeyCertOptions(files.keyCert());
        if (files.trust() != null) {
            options.setTrustOptions(files.trust());
        }
        return options;
    }

    void start(BoundListener bound) {
        this.listener = bound;
        long interval = wiring.settings().certificateCheckInterval().toMillis();
        timerId = wiring.vertx().setPeriodic(interval, id -> check());
    }

    void stop() {
        if (timerId >= 0) {
            wiring.vertx().cancelTimer(timerId);
        }
    }

    /** Checks the files now; true when a new certificate was applied, failed when a changed pair was refused. */
    synchronized Future<Boolean> check() {
        if (running != null) {
            return running;
        }
        Future<Boolean> f = PemFiles.read(wiring.vertx().fileSystem(), tls)
                .recover(this::unreadable)
                .compose(this::applyIfChanged);
        if (!f.isComplete()) {
            running = f;
            f.onComplete(ar -> finished(f));
        }
        return f;
    }

    private synchronized void finished(Future<Boolean> f) {
        if (running == f) {
            running = null;
        }
    }

    private Future<PemFiles> unreadable(Throwable cause) {
        if (!unreadable) {
            unreadable = true;
            wiring.metrics().certificateReload(false);
            LOG.log(Level.WARNING, "cannot read TLS files of " + listener + "; keeping the current certificate",
                    cause);
        }
        return Future.succeededFuture(null);
    }

    private Future<Boolean> applyIfChanged(PemFiles files) {
        if (files == null) {
            return Future.succeededFuture(false);
        }
        unreadable = false;
        if (files.equals(attempted)) {
            return Future.succeededFuture(false);
        }
        attempted = files;
        return verified(wiring.vertx(), files)
                .compose(ok -> apply.apply(sslOptions(ok)))
                .map(updated -> {
                    wiring.metrics().certificateReload(true);
                    LOG.log(Level.INFO, () -> "TLS certificate reloaded for " + listener);
                    BoundListener bound = listener;
                    for (Consumer<BoundListener> l : wiring.reloadListeners()) {
                        l.accept(bound);
                    }
                    return true;
                })
                .recover(t -> {
                    wiring.metrics().certificateReload(false);
                    LOG.log(Level.WARNING, "new TLS files of " + listener + " refused; keeping the current "
                            + "certificate: " + t.getMessage());
                    return Future.failedFuture(t);
                });
    }

    private static Future<PemFiles> verified(Vertx vertx, PemFiles files) {
        return vertx.executeBlocking(() -> {
            KeyPairCheck.check(files.certificate().getBytes(), files.privateKey().getBytes());
            return files;
        }, false);
    }
}
