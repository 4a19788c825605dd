package io.sanctionsradar.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A development identity provider: an RSA key pair kept in a directory, and RS256 bearer tokens signed with it.
 * The services verify tokens with the public key ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}); tests, the system tests and
 * {@code scripts/stack token ROLE…} mint them. Never for production, where tokens come from the real provider.
 *
 * <p>Usage: {@code DevTokens KEY_DIR [--subject NAME] [--portfolio P]… [--ttl PT8H] ROLE…} prints a token.
 */
public final class DevTokens {

    public static final String ISSUER = "https://sanctions-radar.local/dev-issuer";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private DevTokens(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair in {@code dir}, made there first if it has none. */
    public static synchronized DevTokens in(Path dir) {
        try {
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
                write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            }
            return new DevTokens(readPrivateKey(privateFile), publicFile.toAbsolutePath());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the development key pair in " + dir, e);
        }
    }

    /** The PEM file the services verify tokens with. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A token for {@code subject} with these roles and portfolios, valid for {@code ttl} from now. */
    public String mint(String subject, List<String> roles, List<String> portfolios, Duration ttl) {
        Instant now = Instant.now();
        return mint(subject, roles, portfolios, now, now.plus(ttl), ISSUER);
    }

    /** Any token, for tests of refusal: expired ({@code expiresAt} past) or from another issuer. */
    public String mint(String subject, List<String> roles, List<String> portfolios, Instant issuedAt,
                       Instant expiresAt, String issuer) {
        return sign(claims(subject, roles, portfolios, issuedAt, expiresAt, issuer) + "}");
    }

    /** A token valid only from {@code notBefore} (its nbf claim), for tests of refusal. */
    public String mintNotBefore(String subject, List<String> roles, List<String> portfolios, Instant notBefore,
                                Instant expiresAt) {
        return sign(claims(subject, roles, portfolios, Instant.now(), expiresAt, ISSUER)
                + ",\"nbf\":" + notBefore.getEpochSecond() + "}");
    }

    /** The claims, without the closing brace. */
    private static String claims(String subject, List<String> roles, List<String> portfolios, Instant issuedAt,
                                 Instant expiresAt, String issuer) {
        return "{\"iss\":" + quote(issuer) + ",\"sub\":" + quote(subject)
                + ",\"upn\":" + quote(subject) + ",\"groups\":" + array(roles)
                + ",\"portfolios\":" + array(portfolios) + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":" + quote(UUID.randomUUID().toString());
    }

    private String sign(String claims) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DevTokens KEY_DIR [--subject NAME] [--portfolio P]... [--ttl PT8H] ROLE...");
            System.exit(2);
        }
        String subject = "dev-user";
        Duration ttl = Duration.ofHours(8);
        List<String> portfolios = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--subject" -> subject = args[++i];
                case "--portfolio" -> portfolios.add(args[++i]);
                case "--ttl" -> ttl = Duration.parse(args[++i]);
                default -> roles.add(args[i]);
            }
        }
        System.out.println(in(Path.of(args[0])).mint(subject, roles, portfolios, ttl));
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    // written aside and moved in, so a concurrent reader never sees half a key
    private static void write(Path file, String content, boolean secret) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try { // the public key is read by the services (and containers), the private one by its owner only
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own protection applies
        }
        Files.writeString(temporary, content);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String array(List<String> values) {
        return values.stream().map(DevTokens::quote).collect(Collectors.joining(",", "[", "]"));
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
