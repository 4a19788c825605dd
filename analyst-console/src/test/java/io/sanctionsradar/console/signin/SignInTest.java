package io.sanctionsradar.console.signin;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.DevTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole sign-in as a browser does it, over HTTP: quarkus-oidc sends the person to the development provider
 * with a PKCE challenge, the provider's form issues a code, the console redeems it with the verifier and keeps
 * the tokens itself. No service runs here, so a signed-in page answers 502 naming the unreachable service.
 */
@QuarkusTest
class SignInTest {

    private static final String CONSOLE = "http://127.0.0.1:18180";
    private static final Pattern HIDDEN = Pattern.compile("type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void keyPair() {
        DevTokens.in(Path.of("target", "dev-keys"));
    }

    @Test
    void a_person_signs_in_with_pkce_and_the_browser_holds_only_a_random_session_key() throws Exception {
        HttpResponse<String> start = get("/alerts");
        assertEquals(302, start.statusCode());
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(CONSOLE + "/dev-sign-in/authorize?"), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256"), authorize);

        Map<String, String> form = hiddenFields(get(authorize.substring(CONSOLE.length())).body());
        HttpResponse<String> granted = postForm("/dev-sign-in/authorize", form, "subject=ana&role=screener"
                + "&role=auditor&portfolios=emea");
        assertEquals(303, granted.statusCode(), granted.body());
        String callback = granted.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith(CONSOLE + "/alerts?code="), callback);

        HttpResponse<String> back = get(callback.substring(CONSOLE.length()));
        assertEquals(302, back.statusCode(), back.body());
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("q_session")).findFirst().orElseThrow();
        assertFalse(session.getValue().contains("eyJ"), "a token reached the browser: " + session.getValue());
        assertTrue(session.getValue().length() < 100, session.getValue());
        assertTrue(session.isHttpOnly());

        HttpResponse<String> page = get("/alerts");
        assertEquals(502, page.statusCode());
        assertTrue(page.body().contains("screening-service cannot be reached"), page.body());
        assertTrue(page.body().contains(">ana<"), "the signed-in name is shown");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    @Test
    void the_provider_refuses_a_code_for_another_site_and_a_redeem_without_the_right_verifier() throws Exception {
        Map<String, String> form = hiddenFields(get(get("/alerts").headers().firstValue("Location").orElseThrow()
                .substring(CONSOLE.length())).body());
        form.put("redirect_uri", "https://attacker.example/steal");
        HttpResponse<String> refused = postForm("/dev-sign-in/authorize", form, "subject=ana&role=analyst&portfolios=");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("redirect_uri must lead back to this console"), refused.body());

        form.put("redirect_uri", CONSOLE + "/alerts");
        String location = postForm("/dev-sign-in/authorize", form, "subject=ana&role=analyst&portfolios=")
                .headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*code=([^&]+).*", "$1");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/dev-sign-in/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + URLEncoder.encode(CONSOLE + "/alerts", StandardCharsets.UTF_8)
                        + "&code_verifier=not-the-verifier&client_id=analyst-console"
                        + "&client_secret=test-development-client-secret-00000000001")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, token.statusCode());
        assertTrue(token.body().contains("code_verifier does not match"), token.body());
    }

    @Test
    void a_form_posted_from_another_site_is_refused_and_signing_out_forgets_the_session() throws Exception {
        signIn();
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/sign-out"))
                .header("Origin", "https://attacker.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        assertEquals(502, get("/alerts").statusCode(), "still signed in after the forged form");

        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/sign-out"))
                .header("Origin", CONSOLE).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, out.statusCode());
        assertEquals(302, get("/alerts").statusCode(), "signed out: sent to sign in again");
    }

    private void signIn() throws Exception {
        String authorize = get("/alerts").headers().firstValue("Location").orElseThrow();
        Map<String, String> form = hiddenFields(get(authorize.substring(CONSOLE.length())).body());
        String callback = postForm("/dev-sign-in/authorize", form, "subject=bo&role=screener&portfolios=*")
                .headers().firstValue("Location").orElseThrow();
        assertEquals(302, get(callback.substring(CONSOLE.length())).statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(CONSOLE + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, Map<String, String> hidden, String more) throws Exception {
        String body = hidden.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")) + "&" + more;
        return http.send(HttpRequest.newBuilder(URI.create(CONSOLE + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", CONSOLE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&").replace("&#39;", "'")
                    .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return fields;
    }
}
