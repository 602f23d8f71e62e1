package org.physiorun.webhook.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Standard Webhooks signature: {@code v1,} + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), where the key
 * is the base64-decoded part of the endpoint's secret after {@code whsec_}. Receivers recompute it to know that a
 * delivery came from us and was not changed on the way.
 */
public final class Signature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    /** More than the 24 bytes the contract asks for: a key as long as the hash. */
    private static final int SECRET_BYTES = 32;

    private Signature() {
    }

    /** A new endpoint secret, {@code whsec_} and the base64 of random bytes. */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header's value for one delivery attempt. */
    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal((webhookId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is one of the algorithms every Java runtime must have
            throw new IllegalStateException(e);
        }
    }
}
