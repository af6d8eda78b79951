package io.sipplatform.bench;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A cross-check of the JMH scores for shared, noisy machines, not a replacement for them: it measures the CPU time
 * of the measuring thread only ({@link ThreadMXBean#getCurrentThreadCpuTime()}), so time the thread spends
 * descheduled while other processes run does not count, and it interleaves the libraries round by round so each
 * sees the same machine. GC threads' time is not counted either, which favours the libraries that allocate more.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.sipplatform.bench.CpuTimeCheck [rounds]}. Prints the
 * median CPU ns per corpus message for each library, then our ns per byte on each {@link HostileInput} at 4, 16
 * and 64 KiB.
 */
public final class CpuTimeCheck {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int WARMUP_ROUNDS = 5;

    // results go here so the JIT cannot drop the work
    private static Object last;
    private static long total;

    private CpuTimeCheck() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        parsing(rounds);
        hostile(rounds);
    }

    private static void parsing(int rounds) throws Exception {
        byte[][] corpus = Corpus.load();
        OursProxyReader ours = new OursProxyReader();
        JainProxyReader jain = new JainProxyReader();
        PktsProxyReader pkts = new PktsProxyReader();
        ProxyFields sink = new ProxyFields() {
            @Override
            public void value(Object v) {
                last = v;
            }

            @Override
            public void number(long v) {
                total += v;
            }
        };
        String[] names = {"ours", "jain", "pkts"};
        double[][] nsPerMessage = new double[3][rounds];
        int passes = 10_000;
        for (int r = 0; r < WARMUP_ROUNDS + rounds; r++) {
            for (int lib = 0; lib < 3; lib++) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int p = 0; p < passes; p++) {
                    for (byte[] message : corpus) {
                        if (lib == 0) {
                            ours.read(message, sink);
                        } else if (lib == 1) {
                            jain.read(message, sink);
                        } else {
                            pkts.read(message, sink);
                        }
                    }
                }
                if (r >= WARMUP_ROUNDS) {
                    nsPerMessage[lib][r - WARMUP_ROUNDS] =
                            (THREADS.getCurrentThreadCpuTime() - start) / (double) (passes * corpus.length);
                }
            }
        }
        double oursNs = median(nsPerMessage[0]);
        System.out.printf("corpus parse, CPU time per message (median of %d rounds)%n", rounds);
        for (int lib = 0; lib < 3; lib++) {
            double ns = median(nsPerMessage[lib]);
            System.out.printf("  %-5s %8.0f ns  %9.0f msg/s  ours is %.2fx%n", names[lib], ns, 1e9 / ns, ns / oursNs);
        }
    }

    private static void hostile(int rounds) {
        Consumer<Object> sink = v -> last = v;
        int[] sizes = {4, 16, 64};
        System.out.printf("hostile input, ours, CPU ns per input byte (median of %d rounds)%n", rounds);
        for (HostileInput input : HostileInput.values()) {
            StringBuilder line = new StringBuilder(String.format("  %-13s", input));
            for (int kib : sizes) {
                byte[] message = input.generate(kib * 1024);
                DatagramFramer framer = new DatagramFramer(AdversarialParseBench.RELAXED);
                int repeats = 4096 / kib;
                double[] nsPerByte = new double[rounds];
                for (int r = 0; r < WARMUP_ROUNDS + rounds; r++) {
                    long start = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < repeats; i++) {
                        Framed framed = framer.frame(message);
                        if (framed instanceof Framed.Message) {
                            total += TypedHeaders.readAll(((Framed.Message) framed).message(), sink);
                        }
                        last = framed;
                    }
                    if (r >= WARMUP_ROUNDS) {
                        nsPerByte[r - WARMUP_ROUNDS] =
                                (THREADS.getCurrentThreadCpuTime() - start) / (double) repeats / message.length;
                    }
                }
                line.append(String.format("  %2d KiB %6.2f", kib, median(nsPerByte)));
            }
            System.out.println(line);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
