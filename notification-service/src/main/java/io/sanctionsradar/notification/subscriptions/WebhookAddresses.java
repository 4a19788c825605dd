package io.sanctionsradar.notification.subscriptions;

import io.sanctionsradar.notification.subscriptions.SpecialAddresses.Range;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks away from the service's own network (SSRF): an address is refused when it is loopback or private
 * (unless allowed), or in any other range of the IANA special-purpose registries that is not globally reachable
 * (always; see {@link SpecialAddresses}). An IPv6 address carrying an IPv4 one (NAT64, 6to4, IPv4-mapped or
 * -compatible) is judged by that IPv4 address too. Checked when a subscription is saved and again before every
 * attempt, since a name can later resolve elsewhere.
 */
public final class WebhookAddresses {

    private final boolean allowLoopback;
    private final boolean allowPrivateNetworks;
    private final boolean requireHttps;
    private final HostResolver resolver;

    /** The addresses a URL's host resolved to, every one of them checked; or why the URL may not be used. */
    public record Verdict(Optional<String> refusal, List<InetAddress> addresses) {

        static Verdict refused(String reason) {
            return new Verdict(Optional.of(reason), List.of());
        }
    }

    public WebhookAddresses(boolean allowLoopback, boolean allowPrivateNetworks, boolean requireHttps) {
        this(allowLoopback, allowPrivateNetworks, requireHttps, HostResolver.SYSTEM);
    }

    public WebhookAddresses(boolean allowLoopback, boolean allowPrivateNetworks, boolean requireHttps,
                            HostResolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.requireHttps = requireHttps;
        this.resolver = resolver;
    }

    /** The checks {@code webhooks.*} asks for, resolving names with {@code resolver}. */
    public static WebhookAddresses from(WebhookConfig config, HostResolver resolver) {
        return new WebhookAddresses(config.allowLoopback(), config.allowPrivateNetworks(), config.requireHttps(),
                resolver);
    }

    /** Why this URL may not receive webhooks, or empty when it may. */
    public Optional<String> refusal(URI url) {
        return check(url).refusal();
    }

    /** Resolves the URL's host once and checks every address; a sender connects to these, never resolving again. */
    public Verdict check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Verdict.refused("must be an http(s) URL");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Verdict.refused("must use https");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Verdict.refused("must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return Verdict.refused("must not carry credentials; webhooks are authenticated by their signature");
        }
        if (url.getRawFragment() != null) {
            return Verdict.refused("must not have a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            return Verdict.refused("host " + url.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Verdict.refused("host " + url.getHost() + " resolves to " + address.getHostAddress() + ", "
                        + refused.get());
            }
        }
        return new Verdict(Optional.empty(), List.of(addresses));
    }

    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<Range> special = SpecialAddresses.of(bytes);
        if (special.isEmpty()) {
            return Optional.empty();
        }
        Range range = special.get();
        Optional<String> refused = refusal(range);
        if (refused.isPresent()) {
            return refused;
        }
        // NAT64, 6to4 and the like deliver to the IPv4 address they carry: that one decides
        return SpecialAddresses.embeddedIpv4(range, bytes).flatMap(ipv4 -> refusal(ipv4)
                .map(reason -> "which carries " + ipv4.getHostAddress() + ", " + reason));
    }

    private Optional<String> refusal(Range range) {
        return switch (range.reach()) {
            case GLOBAL -> Optional.empty();
            case LOOPBACK -> allowLoopback ? Optional.empty() : Optional.of("a loopback address");
            case PRIVATE -> allowPrivateNetworks ? Optional.empty() : Optional.of("a private network address");
            case NEVER -> Optional.of("a special-purpose address (" + range.name() + ", " + range.reference()
                    + ") that cannot receive webhooks");
        };
    }
}
