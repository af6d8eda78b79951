package io.sipplatform.bench;

import org.openjdk.jmh.infra.Blackhole;

/** Hands every extracted value to a JMH {@link Blackhole}, so the JIT cannot drop the work that produced it. */
final class BlackholeFields implements ProxyFields {
    private final Blackhole bh;

    BlackholeFields(Blackhole bh) {
        this.bh = bh;
    }

    @Override
    public void value(Object v) {
        bh.consume(v);
    }

    @Override
    public void number(long v) {
        bh.consume(v);
    }
}
