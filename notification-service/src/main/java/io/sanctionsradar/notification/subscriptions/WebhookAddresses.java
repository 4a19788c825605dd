package io.sanctionsradar.notification.subscriptions;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks away from the service's own network (SSRF): an address is refused when it is loopback or private
 * (unless allowed), or link-local, cloud metadata, unspecified, multicast or broadcast (always). Checked when a
 * subscription is saved and again before every attempt, since a name can later resolve elsewhere.
 */
public final class WebhookAddresses {

    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;
    private final boolean requireHttps;

    public WebhookAddresses(boolean allowLoopback, boolean allowPrivateNetworks, boolean requireHttps) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.requireHttps = requireHttps;
    }

    /** Why this URL may not receive webhooks, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an http(s) URL");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials; webhooks are authenticated by their signature");
        }
        if (url.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("host " + url.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("host " + url.getHost() + " resolves to " + address.getHostAddress() + ", "
                        + refused.get());
            }
        }
        return Optional.empty();
    }

    public Optional<String> refusal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || isBroadcast(address)) {
            return Optional.of("which cannot receive webhooks");
        }
        if (isMetadata(address) || address.isLinkLocalAddress()) {
            return Optional.of("a link-local or cloud metadata address");
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (isPrivate(address)) {
            return allowPrivateNetworks ? Optional.empty() : Optional.of("a private network address");
        }
        return Optional.empty();
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return address.isSiteLocalAddress()                       // 10/8, 172.16/12, 192.168/16
                    || (first == 100 && second >= 64 && second < 128)  // carrier-grade NAT 100.64/10
                    || first == 0;                                     // "this network" 0/8
        }
        return (b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress();  // unique local fc00::/7, old fec0::/10
    }

    private static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            // 169.254.169.254 is link-local anyway; 100.100.100.200 (Alibaba) sits in carrier-grade NAT space
            return (b[0] & 0xff) == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200;
        }
        // fd00:ec2::254 (AWS over IPv6)
        return address instanceof Inet6Address && (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2 && (b[15] & 0xff) == 0x54 && (b[14] & 0xff) == 0x02;
    }

    private static boolean isBroadcast(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && b[0] == -1 && b[1] == -1 && b[2] == -1 && b[3] == -1;
    }
}
