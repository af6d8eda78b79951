package io.sipplatform.edge.resolve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The DNS servers to ask: configured ones, else the {@code nameserver} lines of resolv.conf, else 127.0.0.1. */
public final class NameServers {
    private NameServers() {
    }

    /**
     * @param configured "host" or "host:port" ("[v6]:port" for IPv6); empty means the system's
     * @param resolvConf the system file (/etc/resolv.conf)
     */
    public static List<InetSocketAddress> of(List<String> configured, Path resolvConf) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String s : configured) {
            out.add(parse(s.trim()));
        }
        if (out.isEmpty()) {
            try {
                for (String line : Files.readAllLines(resolvConf)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 2 && f[0].equals("nameserver")) {
                        out.add(new InetSocketAddress(f[1], 53));
                    }
                }
            } catch (IOException e) {
                // no resolv.conf (minimal containers): fall through to loopback
            }
        }
        if (out.isEmpty()) {
            out.add(new InetSocketAddress("127.0.0.1", 53));
        }
        return out;
    }

    static InetSocketAddress parse(String s) {
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            String host = s.substring(1, close);
            int port = close + 1 < s.length() ? Integer.parseInt(s.substring(close + 2)) : 53;
            return new InetSocketAddress(host, port);
        }
        int colon = s.indexOf(':');
        if (colon > 0 && s.indexOf(':', colon + 1) < 0) {
            return new InetSocketAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        }
        return new InetSocketAddress(s, 53); // a name, IPv4 or a bare IPv6 address
    }
}
