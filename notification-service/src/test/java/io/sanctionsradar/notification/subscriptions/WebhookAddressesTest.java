package io.sanctionsradar.notification.subscriptions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookAddressesTest {

    private final WebhookAddresses strict = new WebhookAddresses(false, false, true);
    private final WebhookAddresses local = new WebhookAddresses(true, false, false);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://127.8.9.10/hook", "https://[::1]/hook",
            "https://localhost/hook"})
    void loopback_is_refused_unless_allowed(String url) {
        assertTrue(strict.refusal(URI.create(url)).orElseThrow().contains("loopback"), url);
        assertTrue(new WebhookAddresses(true, false, true).refusal(URI.create(url)).isEmpty(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.1.2.3/", "https://172.16.0.1/", "https://172.31.255.255/",
            "https://192.168.1.1/", "https://100.64.0.1/", "https://[fd12:3456::1]/", "https://0.1.2.3/"})
    void private_networks_are_refused_unless_allowed(String url) {
        assertTrue(local.refusal(URI.create(url)).orElseThrow().contains("private network"), url);
        assertTrue(new WebhookAddresses(false, true, false).refusal(URI.create(url)).isEmpty(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/",
            "http://100.100.100.200/", "http://[fd00:ec2::254]/", "http://0.0.0.0/", "http://224.0.0.1/",
            "http://255.255.255.255/"})
    void metadata_link_local_and_unroutable_addresses_are_always_refused(String url) {
        WebhookAddresses permissive = new WebhookAddresses(true, true, false);
        assertTrue(permissive.refusal(URI.create(url)).isPresent(), url);
    }

    @Test
    void public_addresses_pass() {
        assertTrue(strict.refusal(URI.create("https://93.184.216.34/hook")).isEmpty());
        assertTrue(strict.refusal(URI.create("https://172.32.0.1/hook")).isEmpty()); // just outside 172.16/12
        // a real public IPv6 address: 2001:db8::/32 is for documentation and not globally reachable (RFC 3849)
        assertTrue(strict.refusal(URI.create("https://[2606:4700:4700::1111]/hook")).isEmpty());
    }

    @Test
    void scheme_credentials_and_host_are_checked() {
        assertEquals("must use https", strict.refusal(URI.create("http://93.184.216.34/")).orElseThrow());
        assertEquals("must be an http(s) URL", local.refusal(URI.create("ftp://93.184.216.34/")).orElseThrow());
        assertEquals("must be an http(s) URL", local.refusal(URI.create("file:///etc/passwd")).orElseThrow());
        assertTrue(local.refusal(URI.create("http://user:pw@93.184.216.34/")).orElseThrow().contains("credentials"));
        assertTrue(local.refusal(URI.create("http://no-such-host.invalid/")).orElseThrow()
                .contains("does not resolve"));
    }
}
