package io.sipplatform.proto;

import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API contract of the platform's .proto files, checked on the descriptor set protoc wrote at build time (with
 * source info, so comments are visible). Each test collects every violation, so one run names them all.
 */
class ProtoContractTest {
    private static final String ROOT_PACKAGE = "sipplatform";
    private static final Pattern VERSIONED_PACKAGE = Pattern.compile("sipplatform\\.[a-z][a-z0-9_]*\\.v1");
    private static final String TIMESTAMP = ".google.protobuf.Timestamp";
    private static final String DURATION = ".google.protobuf.Duration";

    /** Field names that would carry SIP message text: services get intent, never SIP. */
    private static final Set<String> SIP_TEXT_NAMES = Set.of("raw", "sip", "sip_message", "message_text",
            "headers_text", "header_text", "raw_headers", "raw_message", "raw_request", "raw_response",
            "sip_text", "request_text", "response_text", "packet", "datagram", "wire", "payload", "body");

    /** SIP reason phrases as identifiers: an enum value like this would be a status code in disguise. */
    private static final Set<String> REASON_PHRASES = Set.of("OK", "TRYING", "RINGING", "SESSION_PROGRESS",
            "MOVED_TEMPORARILY", "BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND",
            "PROXY_AUTHENTICATION_REQUIRED", "REQUEST_TIMEOUT", "TEMPORARILY_UNAVAILABLE", "INTERVAL_TOO_BRIEF",
            "BUSY_HERE", "REQUEST_TERMINATED", "NOT_ACCEPTABLE_HERE", "SERVER_INTERNAL_ERROR", "SERVICE_UNAVAILABLE",
            "SERVER_TIMEOUT", "BUSY_EVERYWHERE", "DECLINE", "BAD_EXTENSION", "ADDRESS_INCOMPLETE");

    private static List<FileDescriptorProto> allFiles;
    private static List<FileDescriptorProto> ownFiles;
    private static List<ProtoElement> elements;

    @BeforeAll
    static void loadDescriptorSet() throws IOException {
        Path set = Path.of(System.getProperty("proto.descriptor.set", "target/platform-proto.protoset"));
        try (InputStream in = Files.newInputStream(set)) {
            allFiles = FileDescriptorSet.parseFrom(in).getFileList();
        }
        ownFiles = allFiles.stream().filter(f -> f.getPackage().startsWith(ROOT_PACKAGE + ".")).toList();
        elements = ownFiles.stream().flatMap(f -> ProtoElement.of(f).stream()).toList();
        assertTrue(ownFiles.size() >= 5, "descriptor set holds the platform's files: " + ownFiles.size());
        assertTrue(ownFiles.stream().allMatch(FileDescriptorProto::hasSourceCodeInfo),
                "descriptor set was written with --include_source_info");
    }

    @Test
    void everySourceFileIsInTheDescriptorSet() throws IOException {
        Path sources = Path.of(System.getProperty("proto.source.dir", "src/main/proto"));
        Set<String> onDisk;
        try (Stream<Path> walk = Files.walk(sources)) {
            onDisk = walk.filter(p -> p.toString().endsWith(".proto"))
                    .map(p -> sources.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> compiled = ownFiles.stream().map(FileDescriptorProto::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, compiled, "every .proto under src/main/proto is listed in the protoc execution (pom.xml)");
    }

    @Test
    void everyDeclarationHasALeadingComment() {
        Map<ProtoElement.Kind, Long> seen = elements.stream()
                .collect(Collectors.groupingBy(ProtoElement::kind, Collectors.counting()));
        assertEquals(Set.of(ProtoElement.Kind.values()), seen.keySet(), "every kind of declaration is checked");

        List<String> uncommented = elements.stream()
                .filter(e -> e.leadingComment().isBlank())
                .map(ProtoElement::where)
                .toList();
        assertEquals(List.of(), uncommented);
    }

    @Test
    void everyPackageIsVersionedAndMatchesItsDirectory() {
        List<String> wrong = new ArrayList<>();
        for (FileDescriptorProto file : ownFiles) {
            String pkg = file.getPackage();
            if (!VERSIONED_PACKAGE.matcher(pkg).matches() || !pkg.endsWith(".v1")) {
                wrong.add(file.getName() + ": package " + pkg + " is not sipplatform.<service>.v1");
            }
            String directory = file.getName().substring(0, file.getName().lastIndexOf('/'));
            if (!directory.equals(pkg.replace('.', '/'))) {
                wrong.add(file.getName() + ": directory does not match package " + pkg);
            }
            if (!"proto3".equals(file.getSyntax())) {
                wrong.add(file.getName() + ": syntax " + file.getSyntax());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void javaOptionsFollowThePackage() {
        List<String> wrong = new ArrayList<>();
        for (FileDescriptorProto file : ownFiles) {
            String expected = "io.sipplatform.proto." + file.getPackage().substring(ROOT_PACKAGE.length() + 1);
            if (!expected.equals(file.getOptions().getJavaPackage())) {
                wrong.add(file.getName() + ": java_package " + file.getOptions().getJavaPackage() + ", want " + expected);
            }
            if (!file.getOptions().getJavaMultipleFiles()) {
                wrong.add(file.getName() + ": java_multiple_files is not true");
            }
            String outer = file.getOptions().getJavaOuterClassname();
            if (!outer.endsWith("Proto") || topLevelNames(file).contains(outer)) {
                wrong.add(file.getName() + ": java_outer_classname '" + outer + "' must end in Proto and be unique");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void enumZeroValueIsUnspecifiedAndEveryValueCarriesTheEnumPrefix() {
        List<String> wrong = new ArrayList<>();
        for (ProtoElement e : ofKind(ProtoElement.Kind.ENUM)) {
            EnumDescriptorProto enumeration = (EnumDescriptorProto) e.declaration();
            String prefix = upperSnake(enumeration.getName()) + "_";
            EnumValueDescriptorProto first = enumeration.getValue(0);
            if (first.getNumber() != 0 || !first.getName().equals(prefix + "UNSPECIFIED")) {
                wrong.add(e.where() + ": zero value must be " + prefix + "UNSPECIFIED, is " + first.getName());
            }
            for (EnumValueDescriptorProto value : enumeration.getValueList()) {
                if (!value.getName().startsWith(prefix)) {
                    wrong.add(e.where() + ": value " + value.getName() + " lacks prefix " + prefix);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noFieldCarriesSipMessageText() {
        List<String> wrong = new ArrayList<>();
        for (ProtoElement e : ofKind(ProtoElement.Kind.FIELD)) {
            String name = ((FieldDescriptorProto) e.declaration()).getName();
            if (SIP_TEXT_NAMES.contains(name) || name.startsWith("raw_") || name.endsWith("_raw")
                    || name.contains("sip_message") || name.endsWith("_text")) {
                wrong.add(e.where());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void onlySdpAndTheTeardownContextTravelAsBytes() {
        // SDP is the media description the relay rewrites; any other byte blob could smuggle SIP text. The one other
        // is the edge's teardown context (media_relay.proto): opaque to the relay, at most 4096 bytes, and read back
        // only by the edge that wrote its format.
        List<String> wrong = ofKind(ProtoElement.Kind.FIELD).stream()
                .filter(e -> ((FieldDescriptorProto) e.declaration()).getType() == Type.TYPE_BYTES)
                .filter(e -> !Set.of("sdp", "teardown").contains(((FieldDescriptorProto) e.declaration()).getName()))
                .map(ProtoElement::where)
                .toList();
        assertEquals(List.of(), wrong);
    }

    @Test
    void statusCodesAreUint32FieldsNamedCode() {
        List<String> wrong = new ArrayList<>();
        for (ProtoElement e : ofKind(ProtoElement.Kind.FIELD)) {
            FieldDescriptorProto field = (FieldDescriptorProto) e.declaration();
            String name = field.getName();
            boolean codeLike = name.equals("code") || name.equals("codes") || name.endsWith("_code")
                    || name.endsWith("_codes") || name.contains("status");
            if (!codeLike) {
                continue;
            }
            boolean repeated = field.getLabel() == Label.LABEL_REPEATED;
            String expectedName = repeated ? "codes" : "code";
            if (field.getType() != Type.TYPE_UINT32 || !name.equals(expectedName)) {
                wrong.add(e.where() + ": a status code is uint32 named " + expectedName);
            }
        }
        assertEquals(List.of(), wrong);

        FieldDescriptorProto outcomeCode = ofKind(ProtoElement.Kind.FIELD).stream()
                .filter(e -> e.fullName().equals("sipplatform.common.v1.SipOutcome.code"))
                .map(e -> (FieldDescriptorProto) e.declaration())
                .findFirst().orElseThrow();
        assertEquals(Type.TYPE_UINT32, outcomeCode.getType());
        assertTrue(ofKind(ProtoElement.Kind.FIELD).stream()
                        .anyMatch(e -> e.fullName().equals("sipplatform.common.v1.SipOutcome.reason")),
                "SipOutcome carries the reason phrase next to the code");
    }

    @Test
    void noEnumNamesAStatusCode() {
        List<String> wrong = new ArrayList<>();
        for (ProtoElement e : ofKind(ProtoElement.Kind.ENUM)) {
            EnumDescriptorProto enumeration = (EnumDescriptorProto) e.declaration();
            String typeName = enumeration.getName().toLowerCase(Locale.ROOT);
            if (typeName.contains("status") || typeName.contains("code") || typeName.contains("response")) {
                wrong.add(e.where() + ": SIP outcomes are uint32 code + reason, not an enum");
            }
            String prefix = upperSnake(enumeration.getName()) + "_";
            for (EnumValueDescriptorProto value : enumeration.getValueList()) {
                String bare = value.getName().startsWith(prefix)
                        ? value.getName().substring(prefix.length()) : value.getName();
                if (REASON_PHRASES.contains(bare) || bare.matches(".*[1-6][0-9][0-9].*")) {
                    wrong.add(e.where() + ": value " + value.getName() + " names a SIP status");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void instantsAreTimestampsAndSpansAreDurations() {
        List<String> wrong = new ArrayList<>();
        for (ProtoElement e : ofKind(ProtoElement.Kind.FIELD)) {
            FieldDescriptorProto field = (FieldDescriptorProto) e.declaration();
            String name = field.getName();
            String type = field.getTypeName();
            if ((name.endsWith("_at") || name.endsWith("_time")) && !TIMESTAMP.equals(type)) {
                wrong.add(e.where() + ": an instant is a google.protobuf.Timestamp");
            }
            boolean span = name.contains("timeout") || name.startsWith("expires") && !name.endsWith("_at")
                    || name.endsWith("_after") || name.endsWith("_delay") || name.equals("interval")
                    || name.equals("jitter") || name.equals("idle") || name.equals("min_expires");
            // Only numbers and strings are suspect: a bool (on_timeout) or an event message (media_timeout) is not
            // a span itself.
            boolean scalar = field.getType() != Type.TYPE_MESSAGE && field.getType() != Type.TYPE_BOOL
                    && field.getType() != Type.TYPE_ENUM;
            if (span && scalar) {
                wrong.add(e.where() + ": a span of time is a google.protobuf.Duration");
            }
            if (name.matches(".*_(ms|millis|msec|s|sec|secs|seconds|us|micros|nanos)")) {
                wrong.add(e.where() + ": units belong in Timestamp/Duration, not in the field name");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRpcTakesAndReturnsItsOwnMessages() {
        List<String> wrong = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (ProtoElement e : ofKind(ProtoElement.Kind.RPC)) {
            MethodDescriptorProto rpc = (MethodDescriptorProto) e.declaration();
            String pkg = e.fullName().substring(0, e.fullName().lastIndexOf('.', e.fullName().lastIndexOf('.') - 1));
            String request = "." + pkg + "." + rpc.getName() + "Request";
            String response = "." + pkg + "." + rpc.getName() + "Response";
            if (!rpc.getInputType().equals(request) || !rpc.getOutputType().equals(response)) {
                wrong.add(e.where() + ": takes " + rpc.getInputType() + ", returns " + rpc.getOutputType());
            }
            if (!used.add(rpc.getInputType()) || !used.add(rpc.getOutputType())) {
                wrong.add(e.where() + ": request/response message shared with another rpc");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void descriptorsLinkInTheJavaRuntime() throws DescriptorValidationException {
        // --include_imports writes files in dependency order, so each file's imports are built before it.
        Map<String, FileDescriptor> built = new HashMap<>();
        for (FileDescriptorProto file : allFiles) {
            FileDescriptor[] deps = file.getDependencyList().stream().map(built::get).toArray(FileDescriptor[]::new);
            built.put(file.getName(), FileDescriptor.buildFrom(file, deps));
        }
        long services = ownFiles.stream().mapToLong(f -> built.get(f.getName()).getServices().size()).sum();
        assertEquals(4, services, "Registrar, Routing, MediaRelay and CdrIngest");
        assertFalse(built.get("sipplatform/common/v1/common.proto").getMessageTypes().isEmpty());
    }

    private static List<ProtoElement> ofKind(ProtoElement.Kind kind) {
        return elements.stream().filter(e -> e.kind() == kind).toList();
    }

    private static Set<String> topLevelNames(FileDescriptorProto file) {
        Set<String> names = new TreeSet<>();
        file.getMessageTypeList().forEach(m -> names.add(m.getName()));
        file.getEnumTypeList().forEach(m -> names.add(m.getName()));
        file.getServiceList().forEach(m -> names.add(m.getName()));
        return names;
    }

    /** {@code CallDirection} to {@code CALL_DIRECTION}, {@code IpFamily} to {@code IP_FAMILY}. */
    static String upperSnake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }
}
