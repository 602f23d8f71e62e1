package org.physiorun.plan.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** The unguessable part of a private calendar link: 256 random bits, URL-safe. */
final class CalendarToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private CalendarToken() {
    }

    static String random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
