package org.physiorun.webhook.domain;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureTest {

    @Test
    void signsTheStandardWebhooksSpecificationsTestVector() {
        assertThat(Signature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToTheIdTimestampOrBodyChangesTheSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String original = Signature.sign(secret, "msg_1", 1614265330L, "{\"a\":1}");
        assertThat(Signature.sign(secret, "msg_2", 1614265330L, "{\"a\":1}")).isNotEqualTo(original);
        assertThat(Signature.sign(secret, "msg_1", 1614265331L, "{\"a\":1}")).isNotEqualTo(original);
        assertThat(Signature.sign(secret, "msg_1", 1614265330L, "{\"a\":2}")).isNotEqualTo(original);
    }

    @Test
    void aNewSecretIsWhsecAndTheBase64OfAtLeast24RandomBytes() {
        SecureRandom random = new SecureRandom();
        String secret = Signature.newSecret(random);
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Signature.newSecret(random)).isNotEqualTo(secret);
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatThrownBy(() -> Signature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg", 1L, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
