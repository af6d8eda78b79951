package io.sipplatform.proto;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The jar services consume with {@code quarkus.generate-code.grpc.scan-for-proto}: it must hold the .proto tree
 * exactly as in src/main/proto and nothing else but META-INF. Generated classes in it would clash with the classes
 * each service generates itself.
 */
class PackagedJarIT {

    @Test
    void jarHoldsOnlyTheProtoSourcesAndMetaInf() throws IOException {
        Path jar = Path.of(System.getProperty("proto.jar"));
        List<String> foreign = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                boolean allowed = name.startsWith("META-INF/")
                        || entry.isDirectory() && name.startsWith("sipplatform/")
                        || name.startsWith("sipplatform/") && name.endsWith(".proto");
                if (!allowed) {
                    foreign.add(name);
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    @Test
    void jarHoldsEveryProtoFileByteForByte() throws IOException {
        Path jar = Path.of(System.getProperty("proto.jar"));
        Path sources = Path.of(System.getProperty("proto.source.dir"));
        Map<String, byte[]> expected = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".proto")).toList()) {
                expected.put(sources.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, byte[]> packaged = new TreeMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().endsWith(".proto")) {
                    packaged.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                }
            }
            assertEquals(expected.keySet(), packaged.keySet());
            for (var e : expected.entrySet()) {
                assertArrayEquals(e.getValue(), packaged.get(e.getKey()), e.getKey());
            }
        }
    }
}
