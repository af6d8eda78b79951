package io.sipplatform.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Parse each corpus message and read what a stateless proxy needs (top Via branch, Call-ID, CSeq, From and To tags,
 * Request-URI, Max-Forwards, first Route; the status code of a response), with three libraries in the same run.
 *
 * <p>One invocation parses the whole corpus once, fresh, in the same order for every library; with
 * {@code @OperationsPerInvocation} the score is messages per second and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes allocated per message. Every value read goes to a {@link Blackhole}.
 * {@code SameFieldsTest} checks that the three read identical values.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class SipParseBench {
    private byte[][] corpus;
    private ProxyFields sink;
    private OursProxyReader ours;
    private JainProxyReader jain;
    private PktsProxyReader pkts;

    @Setup
    public void setUp(Blackhole bh) {
        corpus = Corpus.load();
        sink = new BlackholeFields(bh);
        ours = new OursProxyReader();
        jain = new JainProxyReader();
        pkts = new PktsProxyReader();
    }

    /** sip-message (this project). */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void ours() {
        for (byte[] message : corpus) {
            ours.read(message, sink);
        }
    }

    /** JAIN-SIP RI 1.3.0-91, StringMsgParser. */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void jain() throws Exception {
        for (byte[] message : corpus) {
            jain.read(message, sink);
        }
    }

    /** pkts-sip 3.0.10, SipMessage.frame(Buffer). */
    @Benchmark
    @OperationsPerInvocation(Corpus.SIZE)
    public void pkts() throws Exception {
        for (byte[] message : corpus) {
            pkts.read(message, sink);
        }
    }
}
