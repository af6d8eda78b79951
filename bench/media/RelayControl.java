import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import com.google.protobuf.ByteString;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's control channel to media-relay-service: the Python load generator (relay_load.py) plays the part
 * that rtpengine's ng protocol plays in the reference run, through this gRPC client over stdin/stdout, one command
 * per line (tab-separated, SDP in base64):
 *
 * <pre>
 * offer  call-id from-tag sdp   ->  ok sdp | error message
 * answer call-id from-tag to-tag sdp  ->  ok sdp | error message
 * delete call-id                ->  ok | error message
 * </pre>
 *
 * Run as a single-file program on the relay's own class path:
 * {@code java -cp 'media-relay-service/target/quarkus-app/lib/main/*:media-relay-service/target/quarkus-app/app/*'
 * bench/media/RelayControl.java 127.0.0.1:9013}. Only loopback targets are accepted.
 */
public final class RelayControl {
    private RelayControl() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].startsWith("127.")) {
            System.err.println("usage: RelayControl 127.x.y.z:port (loopback only)");
            System.exit(2);
        }
        ManagedChannel channel = ManagedChannelBuilder.forTarget(args[0]).usePlaintext().build();
        MediaRelayGrpc.MediaRelayBlockingStub relay = MediaRelayGrpc.newBlockingStub(channel);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Base64.Decoder decode = Base64.getDecoder();
        Base64.Encoder encode = Base64.getEncoder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t");
            MediaRelayGrpc.MediaRelayBlockingStub call = relay.withDeadlineAfter(5, TimeUnit.SECONDS);
            try {
                switch (f[0]) {
                    case "offer" -> {
                        OfferResponse r = call.offer(OfferRequest.newBuilder().setCallId(f[1]).setFromTag(f[2])
                                .setSdp(ByteString.copyFrom(decode.decode(f[3]))).build());
                        out.println(r.hasRewritten() ? "ok\t" + encode.encodeToString(r.getRewritten().getSdp()
                                .toByteArray()) : "error\t" + r.getRejected().getCode());
                    }
                    case "answer" -> {
                        AnswerResponse r = call.answer(AnswerRequest.newBuilder().setCallId(f[1]).setFromTag(f[2])
                                .setToTag(f[3]).setSdp(ByteString.copyFrom(decode.decode(f[4]))).build());
                        out.println(r.hasRewritten() ? "ok\t" + encode.encodeToString(r.getRewritten().getSdp()
                                .toByteArray()) : "error\t" + r.getRejected().getCode());
                    }
                    case "delete" -> {
                        call.delete(DeleteRequest.newBuilder().setCallId(f[1]).build());
                        out.println("ok");
                    }
                    default -> out.println("error\tunknown command " + f[0]);
                }
            } catch (StatusRuntimeException | ArrayIndexOutOfBoundsException e) {
                out.println("error\t" + e.getMessage());
            }
        }
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
}
