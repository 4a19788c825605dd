package io.sanctionsradar.console.signin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The development sign-in of a local stack: a small OpenID provider (authorization code with PKCE) inside the
 * console, so the console signs in through quarkus-oidc exactly as it does against a real provider. Its form lets
 * the user choose a name, roles and portfolios; its tokens are signed with the stack's development key, which the
 * services trust. Answers 404 unless {@code console.dev-sign-in.enabled}; the production profile refuses that.
 */
@Path("/dev-sign-in")
public class DevIdentityProvider {

    static final String KEY_ID = "stack-dev-key";
    static final List<String> ROLES = List.of("analyst", "screener", "subscriptions-admin", "auditor");
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]", "::1");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(Map<String, String> request, List<String> roles, String error);
    }

    @Inject
    DevSignInConfig config;
    @Inject
    PendingCodes codes;
    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;
    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    java.util.Optional<String> clientSecret;

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> discovery(@Context UriInfo uri) {
        requireEnabled();
        String base = uri.getBaseUriBuilder().path("dev-sign-in").build().toString();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", config.issuer());
        document.put("authorization_endpoint", base + "/authorize");
        document.put("token_endpoint", base + "/token");
        document.put("jwks_uri", base + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return document;
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> keys() {
        requireEnabled();
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) KeyUtils.decodePublicKey(read("jwt-public.pem"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the development public key cannot be read", e);
        }
        return Map.of("keys", List.of(Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", KEY_ID,
                "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent()))));
    }

    @GET
    @Path("/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeForm(@Context UriInfo uri) {
        requireEnabled();
        Map<String, String> request = new LinkedHashMap<>();
        for (String name : List.of("response_type", "client_id", "redirect_uri", "state", "code_challenge",
                "code_challenge_method", "nonce", "scope")) {
            String value = uri.getQueryParameters().getFirst(name);
            request.put(name, value == null ? "" : value);
        }
        String problem = checkRequest(request, uri);
        if (problem != null) {
            return Response.status(400).entity(Templates.signIn(request, ROLES, problem)).build();
        }
        return Response.ok(Templates.signIn(request, ROLES, null)).build();
    }

    @POST
    @Path("/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@FormParam("client_id") String client, @FormParam("redirect_uri") String redirect,
            @FormParam("state") String state, @FormParam("code_challenge") String challenge,
            @FormParam("code_challenge_method") String method, @FormParam("nonce") String nonce,
            @FormParam("response_type") String responseType, @FormParam("subject") String subject,
            @FormParam("role") List<String> roles, @FormParam("portfolios") String portfolios, @Context UriInfo uri) {
        requireEnabled();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", responseType);
        request.put("client_id", client);
        request.put("redirect_uri", redirect);
        request.put("state", state);
        request.put("code_challenge", challenge);
        request.put("code_challenge_method", method);
        request.put("nonce", nonce == null ? "" : nonce);
        String problem = checkRequest(request, uri);
        if (problem == null) {
            problem = checkPerson(subject, roles);
        }
        if (problem != null) {
            return Response.status(400).entity(Templates.signIn(request, ROLES, problem)).build();
        }
        String code = codes.issue(new PendingCodes.Grant(client, redirect, challenge, nonce, subject.strip(),
                List.copyOf(new HashSet<>(roles)), portfolioList(portfolios)));
        URI back = UriBuilder.fromUri(redirect).queryParam("code", code).queryParam("state", state).build();
        return Response.seeOther(back).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirect, @FormParam("code_verifier") String verifier,
            @FormParam("client_id") String formClient, @FormParam("client_secret") String formSecret,
            @HeaderParam("Authorization") String authorization) {
        requireEnabled();
        if (!clientAuthenticated(authorization, formClient, formSecret)) {
            return tokenError(401, "invalid_client", "unknown client or wrong secret");
        }
        if (!"authorization_code".equals(grantType)) {
            return tokenError(400, "unsupported_grant_type", "only authorization_code");
        }
        PendingCodes.Grant grant = codes.redeem(code);
        if (grant == null || !grant.redirectUri().equals(redirect)) {
            return tokenError(400, "invalid_grant", "unknown, used or expired code, or another redirect_uri");
        }
        if (verifier == null || !PendingCodes.s256(verifier).equals(grant.codeChallenge())) {
            return tokenError(400, "invalid_grant", "code_verifier does not match the code_challenge");
        }
        long lifetime = config.tokenLifetime().toSeconds();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken(grant, lifetime));
        answer.put("id_token", idToken(grant, lifetime));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", lifetime);
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }

    // --- the tokens: the access token is what scripts/stack token mints, the ID token names the person ------

    private String accessToken(PendingCodes.Grant grant, long lifetime) {
        Instant now = Instant.now();
        return Jwt.issuer(config.issuer()).subject(grant.subject()).upn(grant.subject())
                .claim("preferred_username", grant.subject()).groups(new HashSet<>(grant.roles()))
                .claim("portfolios", grant.portfolios()).issuedAt(now).expiresAt(now.plusSeconds(lifetime))
                .jws().keyId(KEY_ID).sign(privateKey());
    }

    private String idToken(PendingCodes.Grant grant, long lifetime) {
        Instant now = Instant.now();
        var builder = Jwt.issuer(config.issuer()).subject(grant.subject()).audience(clientId)
                .claim("preferred_username", grant.subject()).claim("name", grant.subject())
                .issuedAt(now).expiresAt(now.plusSeconds(lifetime));
        if (grant.nonce() != null && !grant.nonce().isBlank()) {
            builder.claim("nonce", grant.nonce());
        }
        return builder.jws().keyId(KEY_ID).sign(privateKey());
    }

    // --- checks ------------------------------------------------------------------------------------------------

    /** What is wrong with an authorization request, or null. The code only ever goes back to this console. */
    private String checkRequest(Map<String, String> request, UriInfo uri) {
        if (!"code".equals(request.get("response_type"))) {
            return "response_type must be code";
        }
        if (!clientId.equals(request.get("client_id"))) {
            return "unknown client_id";
        }
        if (!"S256".equals(request.get("code_challenge_method")) || blank(request.get("code_challenge"))) {
            return "PKCE is required: code_challenge with code_challenge_method S256";
        }
        if (blank(request.get("state"))) {
            return "state is required";
        }
        URI redirect;
        try {
            redirect = URI.create(request.get("redirect_uri"));
        } catch (IllegalArgumentException e) {
            return "redirect_uri is not a URI";
        }
        URI self = uri.getBaseUri();
        if (redirect.getHost() == null || !sameHost(redirect.getHost(), self.getHost())
                || redirect.getPort() != self.getPort() || !self.getScheme().equals(redirect.getScheme())) {
            return "redirect_uri must lead back to this console";
        }
        return null;
    }

    /** The same host, or both loopback: a person who opened localhost:8080 signs in at 127.0.0.1:8080. */
    static boolean sameHost(String a, String b) {
        return a.equalsIgnoreCase(b) || LOOPBACK.contains(a.toLowerCase()) && LOOPBACK.contains(b.toLowerCase());
    }

    private static String checkPerson(String subject, List<String> roles) {
        if (blank(subject) || subject.strip().length() > 64) {
            return "a name of 1 to 64 characters is required";
        }
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            return "choose at least one role";
        }
        return null;
    }

    private boolean clientAuthenticated(String authorization, String formClient, String formSecret) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            return clientSecret.isPresent() && pair.equals(clientId + ":" + clientSecret.get());
        }
        return clientId.equals(formClient) && clientSecret.isPresent() && clientSecret.get().equals(formSecret);
    }

    static List<String> portfolioList(String portfolios) {
        if (blank(portfolios)) {
            return List.of();
        }
        return Arrays.stream(portfolios.split("[,\\s]+")).filter(p -> !p.isBlank()).distinct().toList();
    }

    private static Response tokenError(int status, String error, String description) {
        return Response.status(status).entity(Map.of("error", error, "error_description", description)).build();
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
    }

    private PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(read("jwt-private.pem"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the development private key cannot be read", e);
        }
    }

    private String read(String file) {
        String dir = config.keyDir().orElseThrow(() -> new IllegalStateException(
                "console.dev-sign-in.key-dir (DEV_SIGN_IN_KEY_DIR) names no directory with the stack's key pair"));
        try {
            return Files.readString(java.nio.file.Path.of(dir, file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " in " + dir, e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
