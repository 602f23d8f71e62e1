package org.physiorun.reliability.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies that know the shape each endpoint expects: each object picks how faulty it is (a quarter or so are
 * entirely plausible, so the requests reach the services' own rules and storage), then keeps, drops, duplicates or
 * replaces each field with a hostile value, and may gain extra fields. A few bodies are then broken as text or bytes.
 */
public final class Bodies {

    /** A field of an object and the values a well-behaved client would send in it. */
    public record Field(String name, Arbitrary<String> plausible) {
    }

    private static final List<String> ZONES = List.of("UTC", "Europe/London", "America/New_York", "Asia/Kolkata",
            "Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT+12", "+14:00", "Z", "GMT", "Australia/Lord_Howe");

    private Bodies() {
    }

    public static Field field(String name, Arbitrary<String> plausible) {
        return new Field(name, plausible);
    }

    /** An object of these fields; how faulty it is, is chosen per object. */
    public static Arbitrary<String> object(Field... fields) {
        return Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 5), Tuple.of(3, 20), Tuple.of(2, 60))
                .flatMap(faultPercent -> {
                    List<Arbitrary<String>> members = Arrays.stream(fields)
                            .map(field -> member(field, faultPercent)).toList();
                    Arbitrary<List<String>> extras = faultPercent == 0 ? Arbitraries.just(List.of())
                            : extraMember().list().ofMaxSize(faultPercent / 10);
                    return Combinators.combine(Combinators.combine(members).as(list -> list), extras)
                            .as((known, extra) -> Json.object(concat(known, extra)));
                });
    }

    public static Arbitrary<String> arrayOf(Arbitrary<String> element, int maxSize) {
        return element.list().ofMaxSize(maxSize).map(Json::array);
    }

    private static Arbitrary<String> member(Field field, int faultPercent) {
        Arbitrary<String> kept = field.plausible().map(value -> Json.member(field.name(), value));
        if (faultPercent == 0) {
            return kept;
        }
        Arbitrary<String> hostile = Hostile.jsonValue().map(value -> Json.member(field.name(), value));
        return Arbitraries.frequencyOf(
                Tuple.of(100 - faultPercent, kept),
                Tuple.of(Math.max(1, faultPercent * 3 / 10), Arbitraries.just("")),
                Tuple.of(Math.max(1, faultPercent / 2), hostile),
                Tuple.of(Math.max(1, faultPercent / 5), Combinators.combine(kept, hostile).as((a, b) -> a + "," + b)));
    }

    private static Arbitrary<String> extraMember() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.of("", "__proto__", "constructor", "$where", "id", "planId", "clinicId",
                        "status", "retired", "createdAt", "ATHLETEID", "athleteId ", "slug\u0000", "x".repeat(5_000))));
        return Combinators.combine(name, Hostile.jsonValue()).as(Json::member);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return b.isEmpty() ? a : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    // plausible values

    public static Arbitrary<String> text(int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').withChars(" .,-").ofMinLength(1)
                        .ofMaxLength(Math.min(maxLength, 60))),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(Math.min(maxLength, 60))),
                Tuple.of(1, Arbitraries.just("é ü ß 漢字 😀 \u202e")))
                .map(Json::string);
    }

    public static Arbitrary<String> ints(int min, int max) {
        return Arbitraries.integers().between(min, max).map(String::valueOf);
    }

    public static Arbitrary<String> orNull(Arbitrary<String> value) {
        return Arbitraries.frequencyOf(Tuple.of(4, value), Tuple.of(1, Arbitraries.just("null")));
    }

    public static Arbitrary<String> oneOf(String... values) {
        return Arbitraries.of(values).map(Json::string);
    }

    public static Arbitrary<String> bool() {
        return Arbitraries.of("true", "false");
    }

    private static Arbitrary<String> time() {
        return Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
                .as((h, m) -> Json.string(String.format("%02d:%02d", h, m)));
    }

    private static Arbitrary<String> zone() {
        return Arbitraries.of(ZONES).map(Json::string);
    }

    /** POST and PUT /api/exercises; {@code slug} is what a plausible body names (a fresh one, or the path's). */
    public static Arbitrary<String> exercise(Arbitrary<String> slug, List<String> citationIds) {
        Arbitrary<String> frequency = object(
                field("timesMin", ints(1, 4)), field("timesMax", orNull(ints(1, 6))), field("per", oneOf("DAY", "WEEK")));
        Arbitrary<String> dosage = object(
                field("sets", ints(1, 6)), field("repsMin", orNull(ints(1, 12))), field("repsMax", orNull(ints(1, 20))),
                field("holdSecondsMin", orNull(ints(1, 30))), field("holdSecondsMax", orNull(ints(1, 90))),
                field("distanceMetresMin", orNull(ints(1, 40))), field("distanceMetresMax", orNull(ints(1, 100))),
                field("perSide", bool()), field("lowerSeconds", orNull(ints(1, 6))), field("frequency", orNull(frequency)),
                field("painCeiling", orNull(ints(0, 10))), field("notes", orNull(text(1_000))));
        Arbitrary<String> citation = object(
                field("id", Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(citationIds).map(Json::string)),
                        Tuple.of(1, oneOf("no-such-paper")))),
                field("claim", text(2_000)));
        return object(
                field("slug", slug),
                field("number", Arbitraries.frequencyOf(Tuple.of(1, ints(1, 12)), Tuple.of(6, ints(1_000, 2_000_000_000)))),
                field("name", text(120)), field("phase", ints(1, 4)), field("focus", text(500)),
                field("instructions", text(4_000)), field("dosage", dosage), field("progressionNote", orNull(text(2_000))),
                field("citations", orNull(arrayOf(citation, 3))));
    }

    /** POST /api/plans for one of {@code athletes}, injured within the last half year (or, now and then, later). */
    public static Arbitrary<String> intake(List<String> athletes, LocalDate today) {
        return object(
                field("athleteId", Arbitraries.of(athletes).map(Json::string)),
                field("injuryDate", Arbitraries.integers().between(-2, 180).map(days -> Json.string(today.minusDays(days).toString()))),
                field("side", oneOf("LEFT", "RIGHT")), field("grade", ints(1, 3)),
                field("suspectedSource", Arbitraries.frequencyOf(Tuple.of(6, oneOf("MUSCLE")),
                        Tuple.of(1, oneOf("PROXIMAL_TENDON", "SCIATIC_NERVE", "LUMBAR_REFERRED", "UNSURE")))),
                field("clinicianConfirmed", Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("true")), Tuple.of(1, bool()))),
                field("mechanism", oneOf("SPRINTING", "STRETCHING")), field("timeZone", orNull(zone())),
                field("reminderTime", orNull(time())),
                field("protocolId", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("null")),
                        Tuple.of(3, oneOf("hamstring-return-to-run")), Tuple.of(1, oneOf("no-such-protocol")))));
    }

    /** PATCH /api/plans/{planId}. */
    public static Arbitrary<String> settings() {
        return object(field("reminderTime", orNull(time())), field("timeZone", orNull(zone())));
    }

    /** POST /api/sessions for one of {@code athletes}, of one of {@code exercises}, in the few days before {@code now}. */
    public static Arbitrary<String> session(List<String> athletes, List<String> exercises, Instant now) {
        Arbitrary<String> eventId = Arbitraries.longs().map(n -> Json.string(new UUID(n, ~n).toString()));
        Arbitrary<String> performedAt = Arbitraries.longs().between(-Duration.ofDays(4).toSeconds(), 600)
                .map(seconds -> Json.string(now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds).toString()));
        return object(
                field("eventId", eventId), field("athleteId", Arbitraries.of(athletes).map(Json::string)),
                field("exercise", Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(exercises).map(Json::string)),
                        Tuple.of(1, oneOf("easy-run", "nordic-full", "no-such-exercise")))),
                field("performedAt", performedAt), field("sets", orNull(ints(1, 5))), field("reps", orNull(ints(0, 20))),
                field("holdSeconds", orNull(ints(0, 90))), field("distanceMetres", orNull(ints(0, 5_000))),
                field("efforts", orNull(ints(0, 10))), field("intensityPercent", orNull(ints(0, 100))),
                field("loadKg", orNull(Arbitraries.of("0", "2.5", "20", "12.75", "1e3", "0.001"))),
                field("painDuring", ints(0, 10)), field("painAfter", orNull(ints(0, 10))),
                field("fullRange", orNull(bool())), field("tightness", orNull(bool())), field("notes", orNull(text(2_000))));
    }

    /** Anything at all in a JSON object, for an endpoint that takes no body. */
    public static Arbitrary<String> anything() {
        return Arbitraries.frequencyOf(Tuple.of(1, Hostile.jsonValue()), Tuple.of(1, object(field("x", Hostile.jsonValue()))));
    }

    /**
     * The body as bytes; about one in seven is broken as text or bytes: empty, not JSON, truncated, with garbage
     * around it, in another encoding, with invalid UTF-8, or as a JSON value that is not an object.
     */
    public static Arbitrary<byte[]> bytes(Arbitrary<String> body) {
        Arbitrary<byte[]> intact = body.map(Bodies::utf8);
        Arbitrary<byte[]> broken = Arbitraries.oneOf(
                Arbitraries.of("", " ", "\n", "hello", "<plan/>", "athleteId=ana&grade=1", "{", "}", "[", "]", "{\"a\":",
                        "null", "true", "42", "\"text\"", "[]", "[{}]", "{}{}", "{'single':'quotes'}", "{\"a\":1,}",
                        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "\u0000", "{\"a\":\"\u0000\"}").map(Bodies::utf8),
                Combinators.combine(body, Arbitraries.doubles().between(0, 1))
                        .as((json, cut) -> utf8(json.substring(0, (int) (json.length() * cut)))),
                Combinators.combine(body, Arbitraries.of("}", "]", "xyz", ",", "{}", "\u0000", "/*c*/"), bool())
                        .as((json, garbage, before) -> utf8(Boolean.parseBoolean(before) ? garbage + json : json + garbage)),
                body.map(json -> ("\ufeff" + json).getBytes(StandardCharsets.UTF_8)),
                body.map(json -> json.getBytes(StandardCharsets.UTF_16)),
                body.map(json -> json.getBytes(StandardCharsets.ISO_8859_1)),
                Combinators.combine(body, Arbitraries.of((byte) 0xFF, (byte) 0xC3, (byte) 0xED, (byte) 0x80), Arbitraries.doubles().between(0, 1))
                        .as((json, bad, at) -> {
                            byte[] bytes = utf8(json);
                            int position = (int) (bytes.length * at);
                            byte[] out = new byte[bytes.length + 1];
                            System.arraycopy(bytes, 0, out, 0, position);
                            out[position] = bad;
                            System.arraycopy(bytes, position, out, position + 1, bytes.length - position);
                            return out;
                        }),
                body.map(json -> utf8("[" + json + "]")));
        return Arbitraries.frequencyOf(Tuple.of(6, intact), Tuple.of(1, broken));
    }

    private static byte[] utf8(String text) {
        // lone surrogates are already escapes in JSON text; a raw one here comes from a test string and becomes '?'
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Mostly the JSON type; now and then another, a broken one, or none. */
    public static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "application/json; charset=UTF-16", "application/json; charset=nonsense",
                        "application/json; charset=ISO-8859-1", "application/problem+json", "application/json;;;",
                        "*/*", "application/*", "garbage", "application/json, text/plain", "APPLICATION/JSON",
                        "application/cloudevents+json", "text/html; charset=utf-8")));
    }
}
