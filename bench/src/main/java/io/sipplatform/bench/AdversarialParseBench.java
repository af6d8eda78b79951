package io.sipplatform.bench;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.FrameLimits;
import io.sipplatform.sip.message.Framed;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Our parser on hostile inputs of 16 and 64 KiB (generated in {@link #setUp}, see {@link HostileInput}), framing
 * each and reading every typed header. The primary score is ns per message; the secondary {@code perByte} score
 * is ns per input byte: about equal at both sizes means linear time.
 *
 * <p>The framer runs with limits relaxed to 64 KiB per header line and 16 384 header fields (message size stays
 * 64 KiB), so the hostile text reaches the header parsers instead of being rejected by a framing limit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AdversarialParseBench {
    /** Framing limits that let a 64 KiB hostile header line through to the value parsers. */
    static final FrameLimits RELAXED = new FrameLimits(65_536, 16_384, 65_536, 65_536);

    @Param
    public HostileInput input;

    @Param({"16", "64"})
    public int kib;

    private byte[] message;
    private DatagramFramer framer;
    private Consumer<Object> sink;

    /**
     * Counts input bytes as operations: in average-time mode JMH divides the time by this count, so the secondary
     * score {@code ours:perByte} is ns per input byte.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class InputBytes {
        public long perByte;

        @Setup(Level.Iteration)
        public void clear() {
            perByte = 0;
        }
    }

    @Setup
    public void setUp(Blackhole bh) {
        message = input.generate(kib * 1024);
        framer = new DatagramFramer(RELAXED);
        sink = bh::consume;
    }

    @Benchmark
    public void ours(InputBytes counter, Blackhole bh) {
        Framed framed = framer.frame(message);
        if (framed instanceof Framed.Message) {
            bh.consume(TypedHeaders.readAll(((Framed.Message) framed).message(), sink));
        } else {
            bh.consume(framed);
        }
        counter.perByte += message.length;
    }
}
