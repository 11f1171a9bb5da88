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
import meshplay.engine.connect.Checksum;
import meshplay.engine.module.ModuleFailure;
import meshplay.engine.testing.ModuleHarness.Outcome;
import meshplay.engine.testing.TempRootTest;
import org.junit.jupiter.api.Test;

/** get_url against a local HTTP server on 127.0.0.1, writing into a temporary root. */
class GetUrlTest extends TempRootTest {
    final GetUrlModule module = new GetUrlModule();
    static final String BODY = "#!/bin/sh\necho hello\n";
    static final String SHA256 = "sha256:" + java.util.HexFormat.of().formatHex(sha256(BODY));

    static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void downloadsOnceCheckPredictsAndASecondRunChangesNothing() throws Exception {
        root.file("/usr/local/bin/.keep", "");
        try (TestHttp http = TestHttp.serving("/tools/hello.sh", BODY)) {
            Map<String, Object> a = args("url", http.url("/tools/hello.sh"), "dest", "/usr/local/bin/hello.sh", "mode", "0755");
            Outcome checked = check(module, a, conn);
            assertTrue(checked.changed());
            assertFalse(root.exists("/usr/local/bin/hello.sh"));
            Outcome first = apply(module, a, conn);
            assertEquals(checked.plan().diffs(), first.plan().diffs());
            assertEquals(BODY, root.read("/usr/local/bin/hello.sh"));
            assertTrue(java.nio.file.Files.isExecutable(root.path("/usr/local/bin/hello.sh")));
            assertEquals(Checksum.sha1(BODY.getBytes(StandardCharsets.UTF_8)), first.result().data().get("checksum_src"));
            assertEquals(200, first.result().data().get("status_code"));
            Outcome second = apply(module, a, conn);
            assertFalse(second.changed());
            // the second request asked whether the file changed since it was written
            assertTrue(http.requests.get(http.requests.size() - 1).headers().containsKey("If-modified-since"));
        }
    }

    @Test
    void aMatchingChecksumSkipsTheDownload() throws Exception {
        root.file("/opt/hello.sh", BODY);
        try (TestHttp http = TestHttp.serving("/hello.sh", BODY)) {
            Outcome r = apply(module, args("url", http.url("/hello.sh"), "dest", "/opt/hello.sh", "checksum", SHA256), conn);
            assertFalse(r.changed());
            assertEquals(List.of(), http.requests);
        }
    }

    @Test
    void aChecksumThatDoesNotMatchFailsAndWritesNothing() throws Exception {
        try (TestHttp http = TestHttp.serving("/hello.sh", "tampered\n")) {
            ModuleFailure f = assertThrows(ModuleFailure.class,
                    () -> apply(module, args("url", http.url("/hello.sh"), "dest", "/hello.sh", "checksum", SHA256), conn));
            assertTrue(f.getMessage().startsWith("The checksum for /hello.sh did not match"), f.getMessage());
            assertFalse(root.exists("/hello.sh"));
        }
    }

    @Test
    void aChecksumFileUrlIsReadForTheFilesName() throws Exception {
        try (TestHttp http = TestHttp.serving("/v1/hello.sh", BODY)) {
            http.reply("/v1/SHA256SUMS", 200, Map.of(), (SHA256.substring(7) + "  hello.sh\n0000  other\n").getBytes(StandardCharsets.UTF_8));
            Outcome r = apply(module, args("url", http.url("/v1/hello.sh"), "dest", "/hello.sh", "checksum", "sha256:" + http.url("/v1/SHA256SUMS")), conn);
            assertTrue(r.changed());
            assertEquals(BODY, root.read("/hello.sh"));
        }
    }

    @Test
    void aDirectoryDestTakesTheNameFromTheUrlAndAnErrorStatusFails() throws Exception {
        root.file("/srv/.keep", "");
        try (TestHttp http = TestHttp.serving("/pkg/tool.tar.gz", "tgz")) {
            Outcome r = apply(module, args("url", http.url("/pkg/tool.tar.gz"), "dest", "/srv"), conn);
            assertEquals("/srv/tool.tar.gz", r.result().data().get("dest"));
            assertEquals("tgz", root.read("/srv/tool.tar.gz"));
            ModuleFailure f = assertThrows(ModuleFailure.class, () -> apply(module, args("url", http.url("/nope"), "dest", "/srv/x"), conn));
            assertEquals("Request failed", f.getMessage());
            assertEquals(404, f.data().get("status_code"));
        }
    }

    @Test
    void basicAuthIsSentWhenForced() throws Exception {
        try (TestHttp http = TestHttp.serving("/f", "x")) {
            apply(module, args("url", http.url("/f"), "dest", "/f", "url_username", "u", "url_password", "p", "force_basic_auth", true), conn);
            assertEquals(List.of("Basic dTpw"), http.requests.get(0).headers().get("Authorization"));
        }
    }
}
