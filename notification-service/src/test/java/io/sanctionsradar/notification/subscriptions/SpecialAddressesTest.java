package io.sanctionsradar.notification.subscriptions;

import io.sanctionsradar.notification.subscriptions.SpecialAddresses.Range;
import io.sanctionsradar.notification.subscriptions.SpecialAddresses.Reach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every row of the IANA special-purpose registries, written directly and, for IPv4, inside IPv6 addresses. */
class SpecialAddressesTest {

    private final WebhookAddresses production = new WebhookAddresses(false, false, false);

    static Stream<Range> notGloballyReachable() {
        return Stream.of(SpecialAddresses.IPV4, SpecialAddresses.IPV6, SpecialAddresses.OTHERS)
                .flatMap(List::stream).filter(range -> range.reach() != Reach.GLOBAL);
    }

    static Stream<Range> globallyReachableInsideSpecialRanges() {
        return Stream.concat(SpecialAddresses.IPV4.stream(), SpecialAddresses.IPV6.stream())
                .filter(range -> range.reach() == Reach.GLOBAL
                        && range.embedding() == SpecialAddresses.Embedding.NONE);
    }

    /** Each IPv4 range that is not globally reachable, in each IPv6 form that carries an IPv4 address. */
    static Stream<Arguments> ipv4InsideIpv6() {
        return SpecialAddresses.IPV4.stream().filter(range -> range.reach() != Reach.GLOBAL)
                .flatMap(range -> Stream.of("NAT64", "NAT64 local use", "6to4", "IPv4-compatible", "IPv4-mapped")
                        .map(form -> Arguments.of(form, range)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notGloballyReachable")
    void a_range_that_is_not_globally_reachable_is_refused(Range range) {
        for (byte[] address : List.of(first(range), last(range))) {
            String literal = literal(address);
            assertTrue(production.refusal(URI.create("http://" + literal + ":8080/hook")).isPresent(),
                    literal + " in " + range);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("globallyReachableInsideSpecialRanges")
    void a_globally_reachable_range_inside_a_special_one_passes(Range range) {
        String literal = literal(first(range));
        assertEquals(java.util.Optional.empty(), production.refusal(URI.create("https://" + literal + "/hook")),
                literal);
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("ipv4InsideIpv6")
    void an_ipv4_range_that_is_not_globally_reachable_is_refused_inside_ipv6(String form, Range range) {
        for (byte[] ipv4 : List.of(first(range), last(range))) {
            String literal = "[" + ipv6(form, ipv4) + "]";
            assertTrue(production.refusal(URI.create("http://" + literal + "/hook")).isPresent(),
                    literal + " carries " + range);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[64:ff9b::5db8:d822]", "[2002:5db8:d822::1]", "[::ffff:93.184.216.34]",
            "[::93.184.216.34]"})
    void a_public_ipv4_address_inside_ipv6_passes(String literal) {
        assertEquals(java.util.Optional.empty(), production.refusal(URI.create("https://" + literal + "/hook")));
    }

    @Test
    void loopback_inside_ipv6_is_refused_as_loopback_unless_allowed() {
        for (String literal : List.of("[::7f00:1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::ffff:7f00:1]")) {
            URI url = URI.create("http://" + literal + ":9/hook");
            assertTrue(production.refusal(url).orElseThrow().contains("loopback"), literal);
            assertEquals(java.util.Optional.empty(), new WebhookAddresses(true, false, false).refusal(url), literal);
        }
        assertTrue(new WebhookAddresses(true, true, false).refusal(URI.create("http://[64:ff9b::a9fe:a9fe]/"))
                .isPresent(), "link-local metadata through NAT64");
    }

    private static String ipv6(String form, byte[] v4) {
        String low = String.format("%02x%02x:%02x%02x", v4[0] & 0xff, v4[1] & 0xff, v4[2] & 0xff, v4[3] & 0xff);
        return switch (form) {
            case "NAT64" -> "64:ff9b::" + low;
            case "NAT64 local use" -> "64:ff9b:1::" + low;
            case "6to4" -> "2002:" + low + "::1";
            case "IPv4-compatible" -> "::" + low;
            case "IPv4-mapped" -> "::ffff:" + low;
            default -> throw new IllegalArgumentException(form);
        };
    }

    private static byte[] first(Range range) {
        return range.network().clone();
    }

    private static byte[] last(Range range) {
        byte[] address = range.network().clone();
        for (int bit = range.length(); bit < address.length * 8; bit++) {
            address[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return address;
    }

    private static String literal(byte[] address) {
        try {
            InetAddress parsed = InetAddress.getByAddress(address);
            return address.length == 16 && parsed.getAddress().length == 16
                    ? "[" + parsed.getHostAddress() + "]" : parsed.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
