package org.physiorun.gateway;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.physiorun.infra.Keycloak;
import org.physiorun.infra.ServiceProcess;
import org.physiorun.infra.testing.Stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runner and a physiotherapist in Debian's Chromium, on the real system: the packaged gateway in front of
 * the three packaged services, on a real PostgreSQL and Kafka, and a real Keycloak started the way the launcher
 * starts it, with the demo realm. Each test logs in through Keycloak's own login page as one of the realm's demo
 * users (all of clinic north but cai), asserts what that person sees, and leaves screenshots (desktop and phone
 * width) under target/screenshots/ for review. Every page screenshot is scanned with axe-core too (WCAG 2.1 A and AA):
 * a serious or critical finding fails the test.
 */
class BrowserJourneysIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private static Keycloak keycloak;
    private static Stack stack;
    private static ServiceProcess gateway;
    private static Playwright playwright;
    private static String axeScript;

    private BrowserContext browser;
    private Page page;
    /** What went wrong in the app's pages during the test (see {@link #openBrowser}): any one of them fails it. */
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path logs = Path.of("target/it-logs");
        // Keycloak comes up while the services start, as in the local run; a fresh database imports the realm file
        // as it is now (the unpacked distribution is shared between runs).
        keycloak = Keycloak.start(Path.of("target/keycloak/keycloak-quarkus-dist.zip"), Keycloak.sharedHome(),
                Path.of("target/keycloak-db-" + UUID.randomUUID()), ServiceProcess.freePort(),
                Path.of("../deploy/keycloak/physiorun-realm.json"), logs.resolve("keycloak.log"));
        stack = Stack.start(logs, Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer()));
        keycloak.awaitReady(Duration.ofMinutes(5));
        gateway = ServiceProcess.start("gateway", Path.of("target/quarkus-app/quarkus-run.jar"), ServiceProcess.freePort(),
                Map.of("PHYSIORUN_GATEWAY_CATALOG_URL", stack.url("catalog-service"),
                        "PHYSIORUN_GATEWAY_PLAN_URL", stack.url("plan-service"),
                        "PHYSIORUN_GATEWAY_PROGRESS_URL", stack.url("progress-service"),
                        "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer()),
                List.of("-Xmx128m"), logs.resolve("gateway.log"));
        gateway.awaitReady(Duration.ofSeconds(60));
        playwright = Playwright.create();
        // Counting a session goes through Kafka: give the page time to show the outcome.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Files.createDirectories(SCREENSHOTS);
        axeScript = axeScript();
    }

    /** axe.min.js from the axe-core webjar on the test classpath (its version comes from the pom). */
    private static String axeScript() throws IOException {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version") + "/axe.min.js";
        try (InputStream script = BrowserJourneysIT.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(script, path + " on the test classpath");
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (playwright != null) {
            playwright.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
        if (stack != null) {
            stack.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** A fresh browser profile for every test: nothing remembered from another runner. */
    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        openBrowser(test, ServiceWorkerPolicy.ALLOW);
    }

    private void openBrowser(TestInfo test, ServiceWorkerPolicy serviceWorkers) throws Exception {
        Path profile = Files.createDirectories(Path.of("target/chromium-profiles"))
                .resolve(test.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID());
        browser = playwright.chromium().launchPersistentContext(profile, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS)
                .setViewportSize(1280, 900)
                .setServiceWorkers(serviceWorkers)
                .setBaseURL(gateway.baseUrl()));
        page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().get(0);
        watch(page);
    }

    private void watch(Page page) {
        page.onPageError(error -> pageError("thrown: " + error));
        // The app writes nothing to the console itself, so an error there is the browser reporting a script of
        // the app that failed. Keycloak's login page is not the app. "Failed to load resource" lines are the
        // browser's notes on answers the app handles (a 401 before logging in, a refused intake's 422); a 5xx
        // is caught from the answers themselves.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && message.page().url().startsWith(gateway.baseUrl())
                    && !message.text().startsWith("Failed to load resource")) {
                pageError("console: " + message.text() + " (" + message.location() + ")");
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 500 && response.url().startsWith(gateway.baseUrl())) {
                pageError("answered " + response.status() + ": " + response.request().method() + " " + response.url());
            }
        });
    }

    private void pageError(String error) {
        System.err.println("[browser] " + error);
        pageErrors.add(error);
    }

    /** A page that went wrong is broken for someone, even if what this test looked at was right. */
    @AfterEach
    void noPageErrors() {
        assertTrue(pageErrors.isEmpty(), "the page went wrong: " + pageErrors);
    }

    /** What the page showed when a test failed, to see why. */
    @RegisterExtension
    final TestWatcher onFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(SCREENSHOTS.resolve("failed-" + context.getRequiredTestMethod().getName() + ".png")));
            browser.close();
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            browser.close();
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            browser.close();
        }
    };

    /** The watch on the page catches what a broken script of the app would do; a watch that sees nothing proves nothing. */
    @Test
    void anErrorInThePageIsSeen() {
        page.navigate("/");
        page.addScriptTag(new Page.AddScriptTagOptions().setContent("""
                setTimeout(() => { throw new Error('thrown on purpose'); });
                Promise.reject(new Error('rejected on purpose'));
                console.error('logged on purpose');"""));
        page.waitForCondition(() -> pageErrors.size() >= 3);
        assertEquals(3, pageErrors.size(), pageErrors.toString());
        for (String expected : List.of("thrown on purpose", "rejected on purpose", "logged on purpose")) {
            assertTrue(pageErrors.stream().anyMatch(error -> error.contains(expected)), expected + " in " + pageErrors);
        }
        pageErrors.clear();
    }

    @Test
    void aRunnerGoesFromIntakeToPhaseTwoWatchingTheCapacityCheckChange() {
        // ana is a runner of clinic north; her athlete id, from her account, is "ana" too.
        String athlete = "ana";
        logIn(athlete);
        // Day 8 of the programme: the first gate's day has come, so only the sessions are missing.
        intake(LocalDate.now().minusDays(7), "2", "MUSCLE", true);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today").setExact(true))).isVisible();
        assertThat(page.locator("#phase-line")).hasText("Day 8 · Phase 1: Early Loading");
        Locator capacity = page.locator("#capacity");
        assertThat(capacity).containsText("Next: phase 2 (Eccentric Foundation)");
        assertThat(capacity.locator(".met")).not().hasCount(0);
        assertThat(capacity.locator(".unmet")).not().hasCount(0);
        assertThat(page.locator("#due")).containsText("Isometric Hold");
        assertThat(page.locator("#due")).containsText("Extender");
        shot("journey-1-today");

        // A session counts at most as often a day as it is prescribed (the Isometric Hold twice, the Extender once),
        // so the two Extender sessions the gate asks for must be on two days: the first was done yesterday (day 7)
        // and is logged now through the form's "When" field, well within the 72 hours a runner may log late.
        String yesterday = LocalDateTime.now().minusDays(1).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        for (String[] session : List.of(new String[] {"extender", yesterday}, new String[] {"isometric-heel-press", null},
                new String[] {"isometric-heel-press", null})) {
            logPainFree(session[0], session[1]);
            assertThat(page.locator("#status")).containsText("Session counted: at the prescribed dose, pain-free.");
        }
        assertThat(capacity).containsText("Next: phase 2");
        assertThat(capacity.locator(".unmet")).hasCount(1);
        assertThat(capacity.locator(".unmet")).containsText("Extender");
        assertThat(capacity.locator(".unmet")).containsText("1 of 2");
        shot("journey-2-one-session-to-go");

        logPainFree("extender", null);
        assertThat(page.locator("#status")).containsText("you have moved on to phase 2, Eccentric Foundation");
        assertThat(page.locator("#phase-line")).hasText("Day 8 · Phase 2: Eccentric Foundation");
        assertThat(capacity).containsText("Next: phase 3 (Load & Architecture)");
        assertThat(page.locator("#due")).containsText("Glider");
        shot("journey-3-phase-two");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My plan")).click();
        Locator current = page.locator(".phase.current");
        assertThat(current).hasCount(1);
        assertThat(current).containsText("Phase 2: Eccentric Foundation");
        assertThat(current).containsText("You are here");
        Locator glider = current.locator("[data-exercise=glider]");
        assertThat(glider).containsText("3 × 8 reps, each leg, 4 s lowering");
        glider.getByText("Evidence for Glider").click();
        assertThat(glider.locator("a[href='https://doi.org/10.1136/bjsports-2013-092165']")).isVisible();
        // The private calendar link works without a login (calendar apps have none) and is the gateway's address,
        // not plan-service's: the gateway told the service where the request came from.
        Locator calendarUrl = page.getByLabel("Your private calendar link");
        String calendar = calendarUrl.inputValue();
        assertTrue(calendar.startsWith(gateway.baseUrl() + "/api/calendars/"), calendar);
        assertEquals(calendar, page.locator("#calendar-link").getAttribute("href").replaceFirst("\\?.*", ""));
        // A calendar app: no session cookie, no token.
        APIRequestContext calendarApp = playwright.request().newContext();
        try {
            APIResponse ics = calendarApp.get(calendar);
            assertEquals(200, ics.status());
            assertTrue(ics.text().startsWith("BEGIN:VCALENDAR"), "the calendar link gives an iCalendar file");
            shot("journey-4-plan");

            // A new link ends the old one.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Get a new link")).click();
            assertThat(calendarUrl).not().hasValue(calendar);
            assertThat(page.locator("#status")).containsText("The old one no longer works");
            assertEquals(404, calendarApp.get(calendar).status());
            assertEquals(200, calendarApp.get(calendarUrl.inputValue()).status());
        } finally {
            calendarApp.dispose();
        }

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Progress")).click();
        assertThat(page.locator("#pain-chart")).isVisible();
        assertThat(page.locator("#pain-chart")).hasAttribute("aria-label", Pattern.compile("4 sessions.*phase 2"));
        Locator sessions = sessionsTable();
        assertThat(sessions.locator("tbody tr")).hasCount(4);
        // Every one of the four counted, the backdated one included; the table says so, in words.
        assertThat(sessions.locator("tbody tr[data-counted=true]")).hasCount(4);
        assertThat(sessions.locator("tbody")).not().containsText("Does not count");

        // Sessions planned and done, week by week: a chart for each week with sessions, this week's last, and the
        // same numbers in a table for whoever cannot see the chart. The table shows what progress-service counted;
        // of that, both of today's Isometric Holds count (it is prescribed twice a day, and today began in phase 1).
        Locator adherence = page.locator("#adherence");
        Locator thisWeeksChart = adherence.locator("canvas.adherence-chart").last();
        assertThat(thisWeeksChart).isVisible();
        assertThat(thisWeeksChart).hasAttribute("aria-label", Pattern.compile("This week so far.*Isometric Hold 2 of \\d+"));
        APIResponse counted = page.request().get("/api/progress/" + athlete + "/adherence?weeks=4");
        assertEquals(200, counted.status());
        JsonArray weeks = new JsonObject(counted.text()).getJsonArray("weeks");
        assertEquals(4, weeks.size());
        JsonObject thisWeek = weeks.getJsonObject(weeks.size() - 1);
        assertEquals(LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(),
                thisWeek.getString("weekStart"), "weeks run Monday to Sunday, the current one last");
        JsonObject hold = thisWeek.getJsonArray("exercises").stream().map(JsonObject.class::cast)
                .filter(exercise -> "isometric-heel-press".equals(exercise.getString("exercise"))).findFirst().orElseThrow();
        assertEquals(2, hold.getInteger("done"), "this week's Isometric Holds done: " + hold);
        adherence.getByText("The same numbers as a table").click();
        Locator holdRow = adherence.locator("#adherence-table tr[data-week='" + thisWeek.getString("weekStart")
                + "'][data-exercise=isometric-heel-press]");
        assertThat(holdRow).isVisible();
        assertThat(holdRow.locator("th")).hasText("Isometric Hold");
        assertThat(holdRow.locator("[data-value=prescribed]")).hasText(String.valueOf(hold.getInteger("prescribed")));
        assertThat(holdRow.locator("[data-value=done]")).hasText("2");
        assertThat(holdRow.locator("[data-value=percent]")).hasText(hold.getInteger("percent") + "%");
        Locator timeline = page.locator(".timeline");
        assertThat(timeline).containsText("Moved on from phase 1 to phase 2");
        // The reasons of a decision are in words, with the exercises' names, never the services' ids.
        assertThat(timeline).containsText("pain-free sessions of Extender at the prescribed dose");
        assertThat(timeline).containsText("pain-free sessions of Isometric Hold at the prescribed dose");
        assertThat(timeline).not().containsText("streak:");
        assertThat(timeline).not().containsText("min-day");
        shot("journey-5-progress");

        // Coming back later, the session still knows the runner; Today sums up the week so far.
        page.navigate("/");
        assertThat(page.locator("#phase-line")).hasText("Day 8 · Phase 2: Eccentric Foundation");
        assertThat(page.locator("#who")).containsText("Logged in as ana · Runner · Clinic north");
        Locator week = page.locator("#week-adherence");
        assertThat(week).containsText("This week:");
        assertThat(week).containsText(Pattern.compile("This week: \\d+ of \\d+ sessions? \\(\\d+%\\)"));
        shot("journey-6-today-this-week");
    }

    @Test
    void anIntakeTheProgrammeDoesNotSuitShowsWhatToDoInstead() {
        // cai, a runner of clinic south: nobody's plan is made here, so no other test's athletes are touched.
        logIn("cai");
        page.navigate("/#/start");
        // The account says who the plan is for: the form does not ask.
        assertThat(page.getByLabel("Runner id")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my plan")).click();
        Locator problem = page.locator("#intake-result .problem");
        assertThat(problem).containsText("Invalid request");
        assertThat(problem).containsText("Injury date");
        assertThat(page.locator("#injury-date-error")).not().isEmpty();
        assertThat(page.getByLabel("Date of the injury")).hasAttribute("aria-invalid", "true");
        shot("refusal-1-missing-fields");

        intake(LocalDate.now().minusDays(2), "3", "SCIATIC_NERVE", false);
        Locator referral = page.locator(".referral");
        assertThat(referral).containsText("Please see a clinician before you start");
        assertThat(referral.locator("li")).hasCount(3);
        assertThat(referral.locator("[data-rule=grade-3-strain] .advice")).containsText("assess");
        assertThat(referral.locator("[data-rule=source-not-muscle]")).containsText("sciatic nerve");
        assertThat(referral.locator("[data-rule=not-clinician-confirmed] .advice")).not().isEmpty();
        shot("refusal-2-advice");
    }

    @Test
    void aPhysiotherapistSeesTheAlertOfASessionAboveThePainCeiling() {
        // ben, a runner of clinic north, logs a painful session; pat, a physiotherapist of the same clinic, sees it.
        String athlete = "ben";
        logIn(athlete);
        intake(LocalDate.now().minusDays(3), "1", "MUSCLE", true);
        assertThat(page.locator("#capacity")).containsText("Next: phase 2");
        page.getByLabel("Exercise", new Page.GetByLabelOptions().setExact(true)).selectOption("isometric-heel-press");
        page.getByLabel("Pain during (0-10)").selectOption("4");
        save();
        // Pain above the 3/10 ceiling: the runner is told at once, where they logged it, to stop that exercise for
        // today and to contact their physiotherapist (the service's own words), as an alert that has the focus.
        Locator stop = page.locator("#log-advice [role=alert]");
        assertThat(stop).isVisible();
        assertThat(stop).isFocused();
        assertThat(stop.locator("[data-advice=pain-above-ceiling]")).containsText("Stop");
        assertThat(stop.locator("[data-advice=pain-above-ceiling]")).containsText("physiotherapist");
        assertThat(page.locator("#status")).containsText("Session counted: at the prescribed dose, with some pain.");
        shot("physio-0-runner-told-to-stop");
        // Today once more with the service worker in charge: ben's data is kept on the device for use offline...
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.reload();
        assertThat(page.locator("#capacity")).containsText("Next: phase 2");
        assertTrue((Boolean) page.evaluate("() => caches.has('physiorun-data')"), "the runner's data kept for offline use");

        // Logging out ends Keycloak's session too: the next login asks for a password again.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.locator("#who").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Log in")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to PhysioRun"))).isVisible();
        assertEquals(401, page.request().get("/auth/me").status());
        // ...and none of it is left for whoever uses this browser next.
        assertFalse((Boolean) page.evaluate("() => caches.has('physiorun-data')"), "the runner's data left after logging out");
        shot("physio-0b-logged-out");

        logIn("pat");
        assertThat(page.locator("#who")).containsText("Logged in as pat · Physiotherapist · Clinic north");
        // The physiotherapist's pages only: no runner pages in the navigation.
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Today"))).hasCount(0);
        Locator row = page.locator("tr[data-athlete='" + athlete + "']");
        assertThat(row).containsText("Phase 1");
        assertThat(row.locator(".alerts")).containsText("Pain above the ceiling: Pain 4/10 in Isometric Hold");
        // The last 7 days' adherence: a percentage, or a dash when nothing was planned; below 50% is marked in words.
        Locator adherence = row.locator("td[data-label='Adherence (7 days)']");
        assertThat(adherence).containsText(Pattern.compile("\\d+%|—"));
        String percent = row.getAttribute("data-adherence");
        if (percent != null && !percent.isEmpty() && Integer.parseInt(percent) < 50) {
            assertThat(adherence.locator(".tag")).hasText("Below 50%");
        } else {
            assertThat(adherence.locator(".tag")).hasCount(0);
        }
        // Clinic north's athletes only: cai is south's (and the other tests' north runners are ana and ben).
        List<?> listed = (List<?>) page.locator("#athletes tbody tr").evaluateAll("rows => rows.map(r => r.dataset.athlete)");
        assertTrue(List.of("ana", "ben").containsAll(listed), "athletes listed: " + listed);
        shot("physio-1-athletes");

        // The adherence column sorts, and says so: lowest first, then highest first; athletes with nothing planned last.
        Locator header = page.locator("#athletes thead th").filter(new Locator.FilterOptions().setHasText("Adherence (7 days)"));
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Adherence (7 days)"))).hasCount(1);
        assertThat(header).not().hasAttribute("aria-sort", Pattern.compile(".*"));
        Locator sort = header.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Adherence (7 days)"));
        sort.click();
        assertThat(header).hasAttribute("aria-sort", "ascending");
        assertThat(page.locator("#status")).containsText("lowest first");
        assertSortedByAdherence(true);
        sort.click();
        assertThat(header).hasAttribute("aria-sort", "descending");
        assertThat(page.locator("#status")).containsText("highest first");
        assertSortedByAdherence(false);
        assertThat(row).containsText("Phase 1");
        shot("physio-1b-athletes-by-adherence");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(athlete)).click();
        assertThat(page.locator(".timeline li.alert")).containsText("Pain above the ceiling: 4/10 in Isometric Hold");
        assertThat(sessionsTable().locator("tbody tr")).hasCount(1);
        // The same weekly chart as the runner's, with its table.
        assertThat(page.locator("#adherence canvas.adherence-chart").last()).isVisible();
        assertThat(page.locator("#adherence-table tr[data-exercise=isometric-heel-press]").last()).containsText("Isometric Hold");
        shot("physio-2-athlete");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Exercises and evidence")).click();
        assertThat(page.locator("[data-exercise]")).hasCount(10);
        assertThat(page.locator("#citations a[href='https://doi.org/10.1371/journal.pone.0228283']")).isVisible();
        shot("physio-3-catalogue");
    }

    @Test
    void aRunnerLogsSessionsAtTheTrackWithoutANetworkAndTheyCountOnceBackOnline() {
        // cai, a runner of clinic south (no other test's physiotherapist sees her). Day 8: two Isometric Holds a day
        // are prescribed, and two pain-free ones meet that criterion of the first gate.
        logIn("cai");
        intake(LocalDate.now().minusDays(7), "2", "MUSCLE", true);
        Locator capacity = page.locator("#capacity");
        assertThat(capacity).containsText("Next: phase 2");
        Locator holdMet = capacity.locator(".met").filter(new Locator.FilterOptions().setHasText("Isometric Hold"));
        assertThat(holdMet).hasCount(0);
        // Online once more with the service worker in charge, so that My plan and Today are kept on the device.
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.navigate("/#/plan");
        page.reload();
        assertThat(page.locator(".phase.current")).hasCount(1);
        page.navigate("/#/today");
        page.reload();
        assertThat(capacity).containsText("Next: phase 2");
        assertThat(page.locator("#week-adherence")).containsText("This week");

        browser.setOffline(true);
        page.navigate("/#/plan");
        page.reload();
        assertThat(page.locator(".phase.current")).containsText("Phase 1");
        assertThat(page.locator("#offline-copy")).containsText("Offline copy: this page shows your data as last refreshed on");
        shot("offline-1-my-plan");
        page.navigate("/#/today");
        page.reload();
        assertThat(capacity).containsText("Next: phase 2");
        assertThat(page.locator("#offline-copy")).containsText("last refreshed on");
        assertThat(page.locator("#due")).containsText("Isometric Hold");

        // Two sessions logged with the keyboard alone, kept on the device with the time they were done.
        Locator queue = page.locator("#queue li[data-event-id]");
        for (int logged = 1; logged <= 2; logged++) {
            logPainFreeWithTheKeyboard("Log Isometric Hold");
            assertThat(page.locator("#status")).containsText("No connection: Isometric Hold is kept on this device, waiting to send.");
            assertThat(queue).hasCount(logged);
        }
        assertThat(queue.first()).containsText("Waiting to send");
        // A third one the service will refuse: an hour's hold is beyond what it takes (at most 3600 s).
        page.getByLabel("Exercise", new Page.GetByLabelOptions().setExact(true)).selectOption("isometric-heel-press");
        page.getByLabel("Hold per set (seconds)").fill("4000");
        page.getByLabel("Pain during (0-10)").selectOption("0");
        save();
        assertThat(queue).hasCount(3);
        shot("offline-2-waiting-to-send");

        // The queue outlives the page.
        page.reload();
        assertThat(queue).hasCount(3);
        List<?> eventIds = (List<?>) queue.evaluateAll("items => items.map((i) => i.dataset.eventId)");
        Map<?, ?> cache = (Map<?, ?>) page.evaluate("""
                async () => {
                  const sizes = {};
                  for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    let bytes = 0;
                    const requests = await cache.keys();
                    for (const request of requests) {
                      bytes += (await (await cache.match(request)).blob()).size;
                    }
                    const paths = requests.map((r) => new URL(r.url).pathname + new URL(r.url).search).join(' ');
                    sizes[name] = `${requests.length} entries, ${bytes} bytes: ${paths}`;
                  }
                  return sizes;
                }""");
        System.out.println("[offline cache] " + cache);

        browser.setOffline(false);
        // Sent at once; the two good ones counted, the capacity check updated as after an online session.
        assertThat(holdMet).hasCount(1);
        assertThat(capacity.locator(".unmet").filter(new Locator.FilterOptions().setHasText("Isometric Hold"))).hasCount(0);
        assertThat(page.locator("#status")).containsText("Session counted: at the prescribed dose, pain-free.");
        Locator refused = page.locator("#queue li.refused");
        assertThat(queue).hasCount(1);
        assertThat(refused).containsText("Not accepted");
        assertThat(refused.locator(".problem")).containsText("Hold (seconds)");
        shot("offline-3-back-online");
        String refusedId = refused.getAttribute("data-event-id");
        JsonArray sessions = new JsonArray(page.request().get("/api/progress/cai/sessions").text());
        for (Object eventId : eventIds) {
            long times = sessions.stream().map(JsonObject.class::cast).filter(s -> eventId.equals(s.getString("eventId"))).count();
            assertEquals(eventId.equals(refusedId) ? 0 : 1, times, "session " + eventId + " in " + sessions);
        }

        // The refused one stays until the runner fixes or discards it.
        page.reload();
        assertThat(refused).hasCount(1);
        refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Discard Isometric Hold")).click();
        assertThat(page.locator("#queue")).isHidden();
    }

    @Test
    void theSameQueuedSessionSentFromTwoTabsCountsOnce(TestInfo test) throws Exception {
        // Playwright's routes, which hold the two sends here until both are on their way, want service workers off;
        // both tabs have their pages already, so the queue alone is tested.
        browser.close();
        openBrowser(test, ServiceWorkerPolicy.BLOCK);
        logIn("cai");
        intake(LocalDate.now().minusDays(3), "1", "MUSCLE", true);
        assertThat(page.locator("#capacity")).containsText("Next: phase 2");
        Page other = browser.newPage();
        watch(other);
        other.navigate("/#/today");
        assertThat(other.locator("#capacity")).containsText("Next: phase 2");

        browser.setOffline(true);
        logPainFree("isometric-heel-press", null);
        Locator queued = page.locator("#queue li[data-event-id]");
        assertThat(queued).hasCount(1);
        String eventId = queued.getAttribute("data-event-id");

        List<Route> sends = new CopyOnWriteArrayList<>();
        browser.route("**/api/sessions", route -> {
            if ("POST".equals(route.request().method())) {
                sends.add(route);
            } else {
                route.resume();
            }
        });
        browser.setOffline(false);
        page.waitForCondition(() -> sends.size() == 2);
        for (Route send : sends) {
            assertEquals(eventId, new JsonObject(send.request().postData()).getString("eventId"));
            send.resume();
        }
        // Both tabs had it accepted and heard how it counted (beyond today's prescribed frequency if another test
        // logged Isometric Holds for cai today); the service has it once.
        for (Page tab : List.of(page, other)) {
            assertThat(tab.locator("#queue")).isHidden();
            assertThat(tab.locator("#status")).containsText(Pattern.compile("Session counted|Session saved, but it does not count"));
        }
        JsonArray sessions = new JsonArray(page.request().get("/api/progress/cai/sessions").text());
        assertEquals(1, sessions.stream().map(JsonObject.class::cast).filter(s -> eventId.equals(s.getString("eventId"))).count(),
                sessions.encode());
        shot("offline-4-sent-from-two-tabs");
    }

    /**
     * Logs in as one of the demo realm's users (password: the name and "-demo") the way a person does: the page's
     * Log in button, then Keycloak's own login page (its fields keep their ids username, password and kc-login
     * across Keycloak's themes), then back at the gateway's pages, with the header saying who is logged in.
     */
    private void logIn(String username) {
        page.navigate("/");
        page.locator("#who").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("#kc-login")).isVisible();
        assertTrue(page.url().startsWith(keycloak.issuer() + "/"), page.url());
        shot("login-keycloak");
        page.locator("#username").fill(username);
        page.locator("#password").fill(username + "-demo");
        page.locator("#kc-login").click();
        assertThat(page.locator("#who-name")).hasText(username);
        assertTrue(page.url().startsWith(gateway.baseUrl() + "/"), page.url());
    }

    private void intake(LocalDate injuryDate, String grade, String source, boolean confirmed) {
        page.navigate("/#/start");
        page.getByLabel("Date of the injury").fill(injuryDate.toString());
        page.getByLabel("Left").check();
        page.getByLabel("Grade of the strain").selectOption(grade);
        page.getByLabel("Where the pain seems to come from").selectOption(source);
        page.getByLabel("Running fast or sprinting").check();
        if (confirmed) {
            page.getByLabel("A physiotherapist or doctor has confirmed").check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my plan")).click();
    }

    /**
     * Logs the prescribed dose (the form starts with it), pain-free through the full range, performed now or, given
     * performedAt (a datetime-local value, yyyy-MM-ddTHH:mm in the browser's zone), then. Pain during is always
     * chosen: the form does not send a session without it. None of these is an A-skips or sprint session, so the
     * tightness question may stay unanswered.
     */
    private void logPainFree(String exercise, String performedAt) {
        page.getByLabel("Exercise", new Page.GetByLabelOptions().setExact(true)).selectOption(exercise);
        if (performedAt != null) {
            page.getByLabel("When", new Page.GetByLabelOptions().setExact(true)).fill(performedAt);
        }
        page.getByLabel("Pain during (0-10)").selectOption("0");
        page.getByLabel("I moved through the full range").check();
        save();
    }

    /**
     * Logs a pain-free session with the keyboard alone: Tab to the "Log this" button named logLabel, Enter, then Tab
     * through the form, choosing with the keys, and Enter on Save; each control reached shows where the focus is.
     */
    private void logPainFreeWithTheKeyboard(String logLabel) {
        tabTo("button[aria-label='" + logLabel + "']");
        page.keyboard().press("Enter");
        assertTrue((Boolean) page.evaluate("() => document.activeElement.name === 'exercise'"), "Log this leads to the form");
        tabTo("select[name=painDuring]");
        page.keyboard().press("0");
        assertEquals("0", page.locator("select[name=painDuring]").inputValue());
        // The form keeps this box as it was for the session before.
        tabTo("#log-full-range");
        if (!page.locator("#log-full-range").isChecked()) {
            page.keyboard().press("Space");
        }
        assertThat(page.locator("#log-full-range")).isChecked();
        tabTo("#log-session button[type=submit]");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save session"))).isEnabled();
    }

    /** Presses Tab until the focus is on the element the selector names, and checks the focus is shown there. */
    private void tabTo(String selector) {
        for (int presses = 0; presses < 100; presses++) {
            if ((Boolean) page.evaluate("s => document.activeElement.matches(s)", selector)) {
                assertTrue((Boolean) page.evaluate("() => document.activeElement.matches(':focus-visible')"), selector + " shows its focus");
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /** Saves the session and waits until the page has heard that it was counted (the button is back). */
    private void save() {
        Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save session"));
        button.click();
        assertThat(button).isEnabled();
    }

    /** The table of the sessions logged (the page has other tables: the weekly numbers). */
    private Locator sessionsTable() {
        return page.locator("section[aria-labelledby=sessions-heading] table");
    }

    /** The athletes list is in order of adherence (lowest first if ascending), those with nothing planned last. */
    private void assertSortedByAdherence(boolean ascending) {
        List<?> shown = (List<?>) page.locator("#athletes tbody tr").evaluateAll("rows => rows.map(r => r.dataset.adherence)");
        List<Integer> percents = new ArrayList<>();
        boolean blankSeen = false;
        for (Object value : shown) {
            if (value == null || value.toString().isEmpty()) {
                blankSeen = true;
            } else {
                assertFalse(blankSeen, "athletes with nothing planned come last: " + shown);
                percents.add(Integer.parseInt(value.toString()));
            }
        }
        for (int i = 1; i < percents.size(); i++) {
            int step = Integer.compare(percents.get(i), percents.get(i - 1));
            assertTrue(ascending ? step >= 0 : step <= 0, "sorted " + (ascending ? "lowest" : "highest") + " first: " + shown);
        }
    }

    /** The page as it is now, at desktop and at phone width; each of the app's pages scanned for accessibility at both. */
    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + "-desktop.png")));
        scan(name + " (desktop)");
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + "-phone.png")));
        scan(name + " (phone)");
        page.setViewportSize(1280, 900);
    }

    /**
     * axe-core's WCAG 2.1 A and AA rules on the page as it is: no serious or critical finding. Keycloak's login page
     * is Keycloak's, not the app's, and is left out.
     */
    private void scan(String where) {
        if (!page.url().startsWith(gateway.baseUrl())) {
            return;
        }
        if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeScript));
        }
        List<?> findings = (List<?>) page.evaluate("""
                async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                    .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)""");
        assertTrue(findings.isEmpty(), "accessibility of " + where + ": " + findings);
    }
}
