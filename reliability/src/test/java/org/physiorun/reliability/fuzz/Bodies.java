package org.physiorun.reliability.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.physiorun.reliability.fuzz.Gen.weight;

/**
 * Request bodies that know the shape each endpoint expects: each object picks how faulty it is (a quarter or so are
 * entirely plausible, so the requests reach the services' own rules and storage), then keeps, drops, duplicates or
 * replaces each field with a hostile value, and may gain extra fields. A few bodies are then broken as text or bytes.
 */
public final class Bodies {

    /** A field of an object and the values a well-behaved client would send in it. */
    public record Field(String name, Gen<String> plausible) {
    }

    private static final List<String> ZONES = List.of("UTC", "Europe/London", "America/New_York", "Asia/Kolkata",
            "Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT+12", "+14:00", "Z", "GMT", "Australia/Lord_Howe");

    private Bodies() {
    }

    public static Field field(String name, Gen<String> plausible) {
        return new Field(name, plausible);
    }

    /** An object of these fields; how faulty it is, is chosen per object. */
    public static Gen<String> object(Field... fields) {
        return Gen.frequency(
                        weight(3, Gen.just(0)), weight(3, Gen.just(5)), weight(3, Gen.just(20)), weight(2, Gen.just(60)))
                .flatMap(faultPercent -> {
                    List<Gen<String>> members = Arrays.stream(fields)
                            .map(field -> member(field, faultPercent)).toList();
                    Gen<List<String>> extras = faultPercent == 0 ? Gen.just(List.of())
                            : extraMember().list(faultPercent / 10);
                    return Gen.zip(Gen.all(members), extras, (known, extra) -> Json.object(concat(known, extra)));
                });
    }

    public static Gen<String> arrayOf(Gen<String> element, int maxSize) {
        return element.list(maxSize).map(Json::array);
    }

    private static Gen<String> member(Field field, int faultPercent) {
        Gen<String> kept = field.plausible().map(value -> Json.member(field.name(), value));
        if (faultPercent == 0) {
            return kept;
        }
        Gen<String> hostile = Hostile.jsonValue().map(value -> Json.member(field.name(), value));
        return Gen.frequency(
                weight(100 - faultPercent, kept),
                weight(Math.max(1, faultPercent * 3 / 10), Gen.just("")),
                weight(Math.max(1, faultPercent / 2), hostile),
                weight(Math.max(1, faultPercent / 5), Gen.zip(kept, hostile, (a, b) -> a + "," + b)));
    }

    private static Gen<String> extraMember() {
        Gen<String> name = Gen.frequency(
                weight(3, Gen.strings(1, 12, Gen.alpha())),
                weight(1, Gen.strings(0, 20, Gen.anyChar())),
                weight(1, Gen.of("", "__proto__", "constructor", "$where", "id", "planId", "clinicId",
                        "status", "retired", "createdAt", "ATHLETEID", "athleteId ", "slug\u0000", "x".repeat(5_000))));
        return Gen.zip(name, Hostile.jsonValue(), Json::member);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    // plausible values

    public static Gen<String> text(int maxLength) {
        // letters and punctuation drawn as often as each other, as the old library mixed a range with extra characters
        Gen<Character> prose = Gen.oneOf(Gen.chars('a', 'z'), Gen.charsOf(" .,-"));
        return Gen.frequency(
                weight(6, Gen.strings(1, Math.min(maxLength, 60), prose)),
                weight(1, Gen.strings(1, Math.min(maxLength, 60), Gen.anyChar())),
                weight(1, Gen.just("é ü ß 漢字 😀 \u202e")))
                .map(Json::string);
    }

    public static Gen<String> ints(int min, int max) {
        return Gen.ints(min, max).map(String::valueOf);
    }

    public static Gen<String> orNull(Gen<String> value) {
        return Gen.frequency(weight(4, value), weight(1, Gen.just("null")));
    }

    public static Gen<String> oneOf(String... values) {
        return Gen.of(values).map(Json::string);
    }

    public static Gen<String> bool() {
        return Gen.of("true", "false");
    }

    private static Gen<String> time() {
        return Gen.zip(Gen.ints(0, 23), Gen.ints(0, 59), (h, m) -> Json.string(String.format("%02d:%02d", h, m)));
    }

    private static Gen<String> zone() {
        return Gen.of(ZONES).map(Json::string);
    }

    /** POST and PUT /api/exercises; {@code slug} is what a plausible body names (a fresh one, or the path's). */
    public static Gen<String> exercise(Gen<String> slug, List<String> citationIds) {
        Gen<String> frequency = object(
                field("timesMin", ints(1, 4)), field("timesMax", orNull(ints(1, 6))), field("per", oneOf("DAY", "WEEK")));
        Gen<String> dosage = object(
                field("sets", ints(1, 6)), field("repsMin", orNull(ints(1, 12))), field("repsMax", orNull(ints(1, 20))),
                field("holdSecondsMin", orNull(ints(1, 30))), field("holdSecondsMax", orNull(ints(1, 90))),
                field("distanceMetresMin", orNull(ints(1, 40))), field("distanceMetresMax", orNull(ints(1, 100))),
                field("perSide", bool()), field("lowerSeconds", orNull(ints(1, 6))), field("frequency", orNull(frequency)),
                field("painCeiling", orNull(ints(0, 10))), field("notes", orNull(text(1_000))));
        Gen<String> citation = object(
                field("id", Gen.frequency(weight(5, Gen.of(citationIds).map(Json::string)),
                        weight(1, oneOf("no-such-paper")))),
                field("claim", text(2_000)));
        return object(
                field("slug", slug),
                field("number", Gen.frequency(weight(1, ints(1, 12)), weight(6, ints(1_000, 2_000_000_000)))),
                field("name", text(120)), field("phase", ints(1, 4)), field("focus", text(500)),
                field("instructions", text(4_000)), field("dosage", dosage), field("progressionNote", orNull(text(2_000))),
                field("citations", orNull(arrayOf(citation, 3))));
    }

    /** POST /api/plans for one of {@code athletes}, injured within the last half year (or, now and then, later). */
    public static Gen<String> intake(List<String> athletes, LocalDate today) {
        return object(
                field("athleteId", Gen.of(athletes).map(Json::string)),
                field("injuryDate", Gen.ints(-2, 180).map(days -> Json.string(today.minusDays(days).toString()))),
                field("side", oneOf("LEFT", "RIGHT")), field("grade", ints(1, 3)),
                field("suspectedSource", Gen.frequency(weight(6, oneOf("MUSCLE")),
                        weight(1, oneOf("PROXIMAL_TENDON", "SCIATIC_NERVE", "LUMBAR_REFERRED", "UNSURE")))),
                field("clinicianConfirmed", Gen.frequency(weight(5, Gen.just("true")), weight(1, bool()))),
                field("mechanism", oneOf("SPRINTING", "STRETCHING")), field("timeZone", orNull(zone())),
                field("reminderTime", orNull(time())),
                field("protocolId", Gen.frequency(weight(3, Gen.just("null")),
                        weight(3, oneOf("hamstring-return-to-run")), weight(1, oneOf("no-such-protocol")))));
    }

    /** PATCH /api/plans/{planId}. */
    public static Gen<String> settings() {
        return object(field("reminderTime", orNull(time())), field("timeZone", orNull(zone())));
    }

    /** POST /api/sessions for one of {@code athletes}, of one of {@code exercises}, in the few days before {@code now}. */
    public static Gen<String> session(List<String> athletes, List<String> exercises, Instant now) {
        Gen<String> eventId = Gen.longs().map(n -> Json.string(new UUID(n, ~n).toString()));
        Gen<String> performedAt = Gen.longs(-Duration.ofDays(4).toSeconds(), 600)
                .map(seconds -> Json.string(now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds).toString()));
        return object(
                field("eventId", eventId), field("athleteId", Gen.of(athletes).map(Json::string)),
                field("exercise", Gen.frequency(weight(8, Gen.of(exercises).map(Json::string)),
                        weight(1, oneOf("easy-run", "nordic-full", "no-such-exercise")))),
                field("performedAt", performedAt), field("sets", orNull(ints(1, 5))), field("reps", orNull(ints(0, 20))),
                field("holdSeconds", orNull(ints(0, 90))), field("distanceMetres", orNull(ints(0, 5_000))),
                field("efforts", orNull(ints(0, 10))), field("intensityPercent", orNull(ints(0, 100))),
                field("loadKg", orNull(Gen.of("0", "2.5", "20", "12.75", "1e3", "0.001"))),
                field("painDuring", ints(0, 10)), field("painAfter", orNull(ints(0, 10))),
                field("fullRange", orNull(bool())), field("tightness", orNull(bool())), field("notes", orNull(text(2_000))));
    }

    /** Anything at all in a JSON object, for an endpoint that takes no body. */
    public static Gen<String> anything() {
        return Gen.frequency(weight(1, Hostile.jsonValue()), weight(1, object(field("x", Hostile.jsonValue()))));
    }

    /**
     * The body as bytes; about one in seven is broken as text or bytes: empty, not JSON, truncated, with garbage
     * around it, in another encoding, with invalid UTF-8, or as a JSON value that is not an object.
     */
    public static Gen<byte[]> bytes(Gen<String> body) {
        Gen<byte[]> intact = body.map(Bodies::utf8);
        Gen<Double> fraction = Gen.doubles(0, 1);
        Gen<String> garbage = Gen.of("}", "]", "xyz", ",", "{}", "\u0000", "/*c*/");
        Gen<Byte> badByte = Gen.of((byte) 0xFF, (byte) 0xC3, (byte) 0xED, (byte) 0x80);
        Gen<byte[]> broken = Gen.oneOf(
                Gen.of("", " ", "\n", "hello", "<plan/>", "athleteId=ana&grade=1", "{", "}", "[", "]", "{\"a\":",
                        "null", "true", "42", "\"text\"", "[]", "[{}]", "{}{}", "{'single':'quotes'}", "{\"a\":1,}",
                        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "\u0000", "{\"a\":\"\u0000\"}").map(Bodies::utf8),
                Gen.zip(body, fraction, (json, cut) -> utf8(json.substring(0, (int) (json.length() * cut)))),
                random -> {
                    String json = body.next(random);
                    String extra = garbage.next(random);
                    boolean before = Boolean.parseBoolean(bool().next(random));
                    return utf8(before ? extra + json : json + extra);
                },
                body.map(json -> ("\ufeff" + json).getBytes(StandardCharsets.UTF_8)),
                body.map(json -> json.getBytes(StandardCharsets.UTF_16)),
                body.map(json -> json.getBytes(StandardCharsets.ISO_8859_1)),
                random -> {
                    byte[] bytes = utf8(body.next(random));
                    byte bad = badByte.next(random);
                    int position = (int) (bytes.length * fraction.next(random));
                    byte[] out = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, out, 0, position);
                    out[position] = bad;
                    System.arraycopy(bytes, position, out, position + 1, bytes.length - position);
                    return out;
                },
                body.map(json -> utf8("[" + json + "]")));
        return Gen.frequency(weight(6, intact), weight(1, broken));
    }

    private static byte[] utf8(String text) {
        // lone surrogates are already escapes in JSON text; a raw one here comes from a test string and becomes '?'
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Mostly the JSON type; now and then another, a broken one, or none. */
    public static Gen<String> contentType() {
        return Gen.frequency(
                weight(40, Gen.just("application/json")),
                weight(1, Gen.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "application/json; charset=UTF-16", "application/json; charset=nonsense",
                        "application/json; charset=ISO-8859-1", "application/problem+json", "application/json;;;",
                        "*/*", "application/*", "garbage", "application/json, text/plain", "APPLICATION/JSON",
                        "application/cloudevents+json", "text/html; charset=utf-8")));
    }
}
