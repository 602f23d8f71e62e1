package org.physiorun.reliability.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.physiorun.reliability.fuzz.Gen.weight;

/**
 * The values a careless or hostile client sends where the services expect an id, a number, a date or a line of
 * text: as JSON values for bodies, and as raw request-target text (already in wire form) for paths and queries.
 */
public final class Hostile {

    /** Texts that look like something they are not: numbers, dates, SQL, paths, markup. */
    private static final List<String> TEXTS = List.of(
            "NaN", "-NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x1F", "1_000", "+1", "-0", " 1", "1 ", "٣",
            "99999999999999999999", "-2147483649", "2147483648", "9223372036854775808",
            "+999999999-12-31", "-999999999-01-01", "0000-00-00", "2026-02-30", "2026-13-01", "9999-12-31",
            "0001-01-01", "+10000-01-01", "1970-01-01", "2026-11-26T08:00:00Z",
            "+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z",
            "24:00", "23:60", "-01:00", "7:5", "08:00:00",
            "Mars/Olympus_Mons", "GMT+99", "+18:01", "UTC+25", "../../etc/passwd", "Europe/../UTC",
            "' OR '1'='1", "1; DROP TABLE plans; --", "\\\"; --", "%00", "%2e%2e%2f", "${env:HOME}", "{{7*7}}",
            "<script>alert(1)</script>", "\u202eevil", "\ufeffbom", "😀", "\ud800", "\udc00\ud800", "\uffff",
            "a\u0000b", "\u0000", "", " ", "\t\n", "null", "true", "[]", "{}",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "1-1-1-1-1",
            "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "LEFT ", "left", "MUSCLE\u0000", "DAY", "WEEK", "MONTH");

    /** JSON values of the wrong type, or of the right type beyond any sensible range. */
    private static final List<String> ODD_JSON = List.of(
            "null", "true", "false", "{}", "[]", "[null]", "[1,2,3]", "{\"a\":1}", "\"\"", "0", "-1", "1.5", "-0",
            "1e400", "-1e400", "1E-400", "0.0000000000000000000000000001", "123456789012345678901234567890",
            "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "4294967296", "1e2",
            "1.0e+1", "NaN", "Infinity", "-Infinity", "01", "+1", ".5", "0x10", "\"1\"", "\"0\"", "\"-5\"");

    private Hostile() {
    }

    /** One JSON value that the field it lands in should refuse (or, now and then, take). */
    public static Gen<String> jsonValue() {
        return Gen.frequency(
                weight(4, Gen.of(ODD_JSON)),
                weight(3, Gen.of(TEXTS).map(Json::string)),
                weight(2, Gen.strings(0, 80, Gen.anyChar()).map(Json::string)),
                weight(1, Gen.of(130, 2_001, 4_001, 70_000).map(n -> Json.string("x".repeat(n)))),
                weight(1, Gen.of(3, 200, 999, 1_001, 5_000, 60_000).map(Hostile::nested)),
                weight(1, Gen.ints(20, 1_200).map(n -> "9".repeat(n))),
                weight(1, Gen.longs().map(String::valueOf)),
                // NaN and the infinities are no JSON numbers
                weight(1, Gen.anyDouble().map(String::valueOf).filter(d -> !d.contains("N") && !d.contains("I"))));
    }

    /** An array nested {@code depth} deep, or an object, alternately by depth. */
    static String nested(int depth) {
        return depth % 2 == 0
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** One path segment or query value in wire form: what reaches the server byte for byte. */
    public static Gen<String> urlPart() {
        return Gen.frequency(
                weight(4, Gen.of(
                        "%00", "a%00", "%00a", "%", "%%", "%G0", "%zz", "%1", "abc%", "%C3%28", "%ED%A0%80", "%FF",
                        "%C0%AF", "%E2%82", "%F4%90%80%80", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2F", "%2F", "%5C",
                        "..", ".", "%2e", "%2e%2e", "....%2F%2F", "%0d%0aX-Injected:%201", "%0a", "%09", "+", "%20",
                        "%3B", ";", "%23", "%3F", "?", "&", "=", "%26%3D", "a;b=c", "", "~", "*", "$", "!", "%7B%7D",
                        "'", "%27%20OR%20%271%27%3D%271", "1%3B%20DROP%20TABLE%20plans", "%22", "%3Cscript%3E",
                        "%EF%BB%BF", "%E2%80%AE", "%F0%9F%98%80")),
                weight(3, Gen.strings(0, 40, Gen.anyChar()).map(Hostile::percentEncoded)),
                weight(3, Gen.of(TEXTS).map(Hostile::percentEncoded)),
                weight(2, numbers()),
                weight(1, Gen.of(300, 2_000, 4_000, 8_500, 20_000, 70_000).flatMap(n ->
                        Gen.of("a", "%41", "%00", "%C3%A9").map(unit -> unit.repeat(n / unit.length())))),
                weight(1, Gen.strings(1, 20, Gen.chars('\u0080', '\u00ff'))),
                weight(1, Gen.longs().map(n -> new java.util.UUID(n, ~n).toString())));
    }

    private static Gen<String> numbers() {
        return Gen.frequency(
                weight(2, Gen.longs().map(String::valueOf)),
                weight(1, Gen.bigIntegers(BigInteger.TEN.pow(19), BigInteger.TEN.pow(60))
                        .map(n -> (n.testBit(0) ? "-" : "") + n)),
                weight(1, Gen.ints(-5, 60).map(String::valueOf)),
                weight(1, Gen.of("1e400", "1.5", "-0", "0x10", "%2B1", "1%20", "NaN", "Infinity", "٣")));
    }

    /**
     * Percent-encoded UTF-8, except that a lone surrogate is encoded as its three bytes (which no valid UTF-8
     * holds) instead of being replaced.
     */
    static String percentEncoded(String text) {
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                wire.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes(wire, text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes(wire, new byte[]{(byte) (0xE0 | c >> 12), (byte) (0x80 | (c >> 6 & 0x3F)), (byte) (0x80 | (c & 0x3F))});
            } else {
                bytes(wire, String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return wire.toString();
    }

    private static void bytes(StringBuilder wire, byte[] bytes) {
        for (byte b : bytes) {
            wire.append('%').append(String.format("%02X", b & 0xFF));
        }
    }
}
