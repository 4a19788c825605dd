package io.sanctionsradar.notification.subscriptions;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (iana.org/assignments/iana-ipv4-special-registry and
 * iana-ipv6-special-registry, as of 2025), one row per entry, plus the few other ranges a webhook must not reach
 * (multicast, deprecated site-local, cloud metadata). The most specific row containing an address describes it;
 * an address in no row is an ordinary global unicast address.
 */
public final class SpecialAddresses {

    /** Whether an address may receive webhooks: the registry's "globally reachable", split by who may allow it. */
    public enum Reach {
        /** Globally reachable: accepted (if it embeds an IPv4 address, that one decides). */
        GLOBAL,
        /** Refused unless loopback is allowed (tests, the local stack). */
        LOOPBACK,
        /** Refused unless private networks are allowed. */
        PRIVATE,
        /** Never reachable from here, or not meant to be: always refused. */
        NEVER
    }

    /** Where an IPv6 address carries an IPv4 address that the traffic really goes to. */
    public enum Embedding { NONE, LAST_32_BITS, SIX_TO_FOUR }

    public record Range(String prefix, int length, String name, String reference, Reach reach, Embedding embedding,
                        byte[] network) {

        Range(String prefix, int length, String name, String reference, Reach reach, Embedding embedding) {
            this(prefix, length, name, reference, reach, embedding, bytes(prefix));
        }

        Range(String prefix, int length, String name, String reference, Reach reach) {
            this(prefix, length, name, reference, reach, Embedding.NONE);
        }

        public boolean isIpv4() {
            return !prefix.contains(":");
        }

        public boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < length; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return prefix + "/" + length + " (" + name + ")";
        }
    }

    private static final Reach G = Reach.GLOBAL;
    private static final Reach L = Reach.LOOPBACK;
    private static final Reach P = Reach.PRIVATE;
    private static final Reach N = Reach.NEVER;

    public static final List<Range> IPV4 = List.of(
            // "this network" is refused as private, as before; 0.0.0.0 itself (below) always
            new Range("0.0.0.0", 8, "This network", "RFC 791", P),
            new Range("0.0.0.0", 32, "This host on this network", "RFC 1122", N),
            new Range("10.0.0.0", 8, "Private-Use", "RFC 1918", P),
            new Range("100.64.0.0", 10, "Shared Address Space", "RFC 6598", P),
            new Range("127.0.0.0", 8, "Loopback", "RFC 1122", L),
            new Range("169.254.0.0", 16, "Link Local", "RFC 3927", N),
            new Range("172.16.0.0", 12, "Private-Use", "RFC 1918", P),
            new Range("192.0.0.0", 24, "IETF Protocol Assignments", "RFC 6890", N),
            new Range("192.0.0.0", 29, "IPv4 Service Continuity Prefix", "RFC 7335", N),
            new Range("192.0.0.8", 32, "IPv4 dummy address", "RFC 7600", N),
            new Range("192.0.0.9", 32, "Port Control Protocol Anycast", "RFC 7723", G),
            new Range("192.0.0.10", 32, "Traversal Using Relays around NAT Anycast", "RFC 8155", G),
            new Range("192.0.0.170", 32, "NAT64/DNS64 Discovery", "RFC 7050", N),
            new Range("192.0.0.171", 32, "NAT64/DNS64 Discovery", "RFC 7050", N),
            new Range("192.0.2.0", 24, "Documentation (TEST-NET-1)", "RFC 5737", N),
            new Range("192.31.196.0", 24, "AS112-v4", "RFC 7535", G),
            new Range("192.52.193.0", 24, "AMT", "RFC 7450", G),
            new Range("192.88.99.0", 24, "Deprecated (6to4 Relay Anycast)", "RFC 7526", N),
            new Range("192.168.0.0", 16, "Private-Use", "RFC 1918", P),
            new Range("192.175.48.0", 24, "Direct Delegation AS112 Service", "RFC 7534", G),
            new Range("198.18.0.0", 15, "Benchmarking", "RFC 2544", N),
            new Range("198.51.100.0", 24, "Documentation (TEST-NET-2)", "RFC 5737", N),
            new Range("203.0.113.0", 24, "Documentation (TEST-NET-3)", "RFC 5737", N),
            new Range("240.0.0.0", 4, "Reserved", "RFC 1112", N),
            new Range("255.255.255.255", 32, "Limited Broadcast", "RFC 919", N));

    public static final List<Range> IPV6 = List.of(
            new Range("::1", 128, "Loopback Address", "RFC 4291", L),
            new Range("::", 128, "Unspecified Address", "RFC 4291", N),
            new Range("::ffff:0:0", 96, "IPv4-mapped Address", "RFC 4291", G, Embedding.LAST_32_BITS),
            new Range("64:ff9b::", 96, "IPv4-IPv6 Translat.", "RFC 6052", G, Embedding.LAST_32_BITS),
            new Range("64:ff9b:1::", 48, "IPv4-IPv6 Translat. (local use)", "RFC 8215", P, Embedding.LAST_32_BITS),
            new Range("100::", 64, "Discard-Only Address Block", "RFC 6666", N),
            new Range("100:0:0:1::", 64, "Dummy IPv6 Prefix", "RFC 9780", N),
            new Range("2001::", 23, "IETF Protocol Assignments", "RFC 2928", N),
            new Range("2001::", 32, "TEREDO", "RFC 4380", N),
            new Range("2001:1::1", 128, "Port Control Protocol Anycast", "RFC 7723", G),
            new Range("2001:1::2", 128, "Traversal Using Relays around NAT Anycast", "RFC 8155", G),
            new Range("2001:1::3", 128, "DNS-SD Service Registration Protocol Anycast", "RFC 9665", G),
            new Range("2001:2::", 48, "Benchmarking", "RFC 5180", N),
            new Range("2001:3::", 32, "AMT", "RFC 7450", G),
            new Range("2001:4:112::", 48, "AS112-v6", "RFC 7535", G),
            new Range("2001:10::", 28, "Deprecated (previously ORCHID)", "RFC 4843", N),
            new Range("2001:20::", 28, "ORCHIDv2", "RFC 7343", G),
            new Range("2001:30::", 28, "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374", G),
            new Range("2001:db8::", 32, "Documentation", "RFC 3849", N),
            new Range("2002::", 16, "6to4", "RFC 3056", G, Embedding.SIX_TO_FOUR),
            new Range("2620:4f:8000::", 48, "Direct Delegation AS112 Service", "RFC 7534", G),
            new Range("3fff::", 20, "Documentation", "RFC 9637", N),
            new Range("5f00::", 16, "Segment Routing (SRv6) SIDs", "RFC 9602", N),
            new Range("fc00::", 7, "Unique-Local", "RFC 4193", P),
            new Range("fe80::", 10, "Link-Local Unicast", "RFC 4291", N));

    /** Not in the special-purpose registries, refused all the same. */
    public static final List<Range> OTHERS = List.of(
            new Range("224.0.0.0", 4, "Multicast", "RFC 5771", N),
            new Range("ff00::", 8, "Multicast", "RFC 4291", N),
            new Range("::", 96, "IPv4-compatible Address (deprecated)", "RFC 4291", G, Embedding.LAST_32_BITS),
            new Range("fec0::", 10, "Site-Local (deprecated)", "RFC 3879", P),
            new Range("100.100.100.200", 32, "Cloud metadata (Alibaba)", "vendor", N),
            new Range("fd00:ec2::254", 128, "Cloud metadata (AWS)", "vendor", N));

    private static final List<Range> ALL = java.util.stream.Stream.of(IPV4, IPV6, OTHERS)
            .flatMap(List::stream).toList();

    private SpecialAddresses() {
    }

    /** The most specific range holding the address, if any. */
    public static Optional<Range> of(byte[] address) {
        return ALL.stream().filter(range -> range.contains(address)).max(Comparator.comparingInt(Range::length));
    }

    /** The IPv4 address that an IPv6 address in the range carries, if it carries one. */
    public static Optional<InetAddress> embeddedIpv4(Range range, byte[] address) {
        return switch (range.embedding()) {
            case NONE -> Optional.empty();
            case LAST_32_BITS -> Optional.of(ipv4(Arrays.copyOfRange(address, 12, 16)));
            case SIX_TO_FOUR -> Optional.of(ipv4(Arrays.copyOfRange(address, 2, 6)));
        };
    }

    /** The bytes of an address literal; an IPv4-mapped literal keeps its 16 bytes (Java would shorten it). */
    static byte[] bytes(String literal) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet4Address && literal.contains(":")) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
                return mapped;
            }
            return address.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }

    private static InetAddress ipv4(byte[] fourBytes) {
        try {
            return InetAddress.getByAddress(fourBytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
