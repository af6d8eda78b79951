package io.sipplatform.edge.transport;

import io.vertx.core.Future;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits for Vert.x futures from the test thread, with a timeout. */
final class Await {

    private Await() {
    }

    static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    static <T> T result(CompletableFuture<T> future) throws Exception {
        return future.get(15, TimeUnit.SECONDS);
    }

    /** The failure of a future that must fail. */
    static Throwable failure(Future<?> future) throws Exception {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        future.onComplete(ar -> f.complete(ar.failed() ? ar.cause() : null));
        Throwable t = result(f);
        if (t == null) {
            throw new AssertionError("expected a failure, got success: " + future.result());
        }
        return t;
    }
}
