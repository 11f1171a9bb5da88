package meshplay.modules.net;

import static meshplay.engine.testing.ModuleRuns.apply;
import static meshplay.engine.testing.ModuleRuns.args;
import static meshplay.engine.testing.ModuleRuns.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

/** uri against a local HTTP server on 127.0.0.1. */
class UriTest extends TempRootTest {
    final UriModule module = new UriModule();

    @Test
    void aJsonResponseIsParsedAndHeadersBecomeKeys() throws Exception {
        try (TestHttp http = TestHttp.empty()) {
            http.reply("/api2/json/version", 200, Map.of("Content-Type", "application/json; charset=utf-8", "X-Api-Version", "9"),
                    "{\"data\":{\"version\":\"9.0.10\"}}".getBytes(StandardCharsets.UTF_8));
            Outcome r = apply(module, args("url", http.url("/api2/json/version")), conn);
            assertFalse(r.changed());
            Map<String, Object> data = r.result().data();
            assertEquals(200, data.get("status"));
            assertEquals(Map.of("data", Map.of("version", "9.0.10")), data.get("json"));
            assertEquals("9", data.get("x_api_version"));
            assertEquals(false, data.get("redirected"));
            assertFalse(data.containsKey("content"));
        }
    }

    @Test
    void checkModeSendsNothing() throws Exception {
        try (TestHttp http = TestHttp.serving("/x", "x")) {
            Outcome checked = check(module, args("url", http.url("/x"), "method", "POST"), conn);
            assertTrue(checked.plan().hasChanges());
            assertEquals(List.of(), http.requests);
        }
    }

    @Test
    void aJsonBodyIsSentWithItsContentType() throws Exception {
        try (TestHttp http = TestHttp.serving("/post", "ok")) {
            Outcome r = apply(module, args("url", http.url("/post"), "method", "POST", "body_format", "json",
                    "body", Map.of("name", "n2"), "return_content", true), conn);
            assertEquals("ok", r.result().data().get("content"));
            TestHttp.Seen seen = http.requests.get(0);
            assertEquals("POST", seen.method());
            assertEquals("{\"name\": \"n2\"}", seen.body()); // as json.dumps writes it
            assertEquals(List.of("application/json"), seen.headers().get("Content-type"));
        }
    }

    @Test
    void aStatusOutsideStatusCodeFailsWithAnsiblesMessage() throws Exception {
        try (TestHttp http = TestHttp.empty()) {
            ModuleFailure f = assertThrows(ModuleFailure.class, () -> apply(module, args("url", http.url("/missing")), conn));
            assertEquals("Status code was 404 and not [200]: HTTP Error 404", f.getMessage());
            assertEquals(404, f.data().get("status"));
            assertTrue(apply(module, args("url", http.url("/missing"), "status_code", List.of(200, 404)), conn).result() != null);
        }
    }

    @Test
    void destIsWrittenOnceAndCreatesSkips() throws Exception {
        root.file("/etc/.keep", "");
        try (TestHttp http = TestHttp.serving("/conf", "a=1\n")) {
            assertTrue(apply(module, args("url", http.url("/conf"), "dest", "/etc/app.conf"), conn).changed());
            assertEquals("a=1\n", root.read("/etc/app.conf"));
            assertFalse(apply(module, args("url", http.url("/conf"), "dest", "/etc/app.conf"), conn).changed());
            int before = http.requests.size();
            Outcome skipped = apply(module, args("url", http.url("/conf"), "creates", "/etc/app.conf"), conn);
            assertFalse(skipped.changed());
            assertEquals(before, http.requests.size());
        }
    }
}
