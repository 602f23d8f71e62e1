package org.physiorun.infra.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like Keycloak's (realm {@code physiorun}: {@code realm_access.roles}, {@code clinic_id},
 * {@code athlete_id}, audience {@code physiorun-api}), signed with the tests' own RSA key. A service's test
 * profile verifies them with the matching public key ({@code physiorun.test-tokens.public-key}), so every test
 * request goes through real signature, issuer, audience and expiry checks without starting Keycloak.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tokens.physiorun.test";
    public static final String AUDIENCE = "physiorun-api";

    private static final String KEY_ID = "physiorun-test";
    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    /** A runner of {@code clinicId} whose athlete id is {@code athleteId}. */
    public static String runner(String athleteId, String clinicId) {
        return token("runner").athlete(athleteId).clinic(clinicId).sign();
    }

    public static String physio(String clinicId) {
        return token("physio").clinic(clinicId).sign();
    }

    public static String clinicAdmin(String clinicId) {
        return token("clinic-admin").clinic(clinicId).sign();
    }

    /** A clinic's machine client (client credentials in Keycloak). */
    public static String clinicSystem(String clinicId) {
        return token("clinic-system").clinic(clinicId).sign();
    }

    /**
     * The public key that verifies these tokens, base64 (X.509), as {@code quarkus.oidc.public-key} takes it: for
     * services started as processes. Quarkus tests read the same key from {@code physiorun.test-tokens.public-key}.
     */
    public static String publicKey() {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KEY;
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return Base64.getEncoder().encodeToString(publicKey.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same token with one claim set to {@code value} and the original signature kept: a forgery that the
     * signature check must refuse.
     */
    public static String withClaim(String token, String claim, Object value) {
        String[] parts = token.split("\\.");
        try {
            // a copy: the parsed map refuses to replace an entry
            Map<String, Object> claims = new LinkedHashMap<>(JsonUtil.parseJson(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
            claims.put(claim, value);
            return parts[0] + "." + base64Url(JsonUtil.toJson(claims)) + "." + parts[2];
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a token: " + token, e);
        }
    }

    /** The token's claims under {@code "alg": "none"} and without a signature. */
    public static String unsigned(String token) {
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
    }

    /** {@code "Bearer " + token}, for an Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A token to shape further: expired, for another audience or issuer, without a claim. */
    public static Builder token(String role) {
        return new Builder(role);
    }

    /** One token's claims, valid for an hour (longer than any test run) unless changed. */
    public static final class Builder {
        private final String role;
        private String athleteId;
        private String clinicId;
        private String username;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));

        private Builder(String role) {
            this.role = role;
        }

        public Builder athlete(String athleteId) {
            this.athleteId = athleteId;
            return this;
        }

        public Builder clinic(String clinicId) {
            this.clinicId = clinicId;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signed with a fresh key that no service trusts, under the key id the trusted key has. */
        public String signWithUntrustedKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return claims().jws().keyId(KEY_ID).sign(generator.generateKeyPair().getPrivate());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String sign() {
            return claims().jws().keyId(KEY_ID).sign(KEY);
        }

        private JwtClaimsBuilder claims() {
            Instant issuedAt = expiresAt.minus(Duration.ofHours(1));
            JwtClaimsBuilder claims = Jwt.issuer(issuer)
                    .subject(UUID.randomUUID().toString())
                    .audience(audience)
                    .issuedAt(issuedAt)
                    .expiresAt(expiresAt)
                    .claim("preferred_username", username != null ? username : athleteId != null ? athleteId : role)
                    .claim("realm_access", Map.of("roles", List.of(role)));
            if (clinicId != null) {
                claims.claim("clinic_id", clinicId);
            }
            if (athleteId != null) {
                claims.claim("athlete_id", athleteId);
            }
            return claims;
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("test-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | NullPointerException e) {
            throw new IllegalStateException("the tests' signing key cannot be read", e);
        }
    }
}
