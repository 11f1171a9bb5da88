package meshplay.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import meshplay.engine.testing.YamlBombs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLoaderTest {
    private static YMap map(String text) {
        return (YMap) YamlLoader.loadString(text, "t.yml");
    }

    private static YScalar scalar(String text, String key) {
        return (YScalar) map(text).get(key);
    }

    @Test
    void resolvesScalarsTheWayYaml11Does() {
        YMap m = map("""
                a: yes
                b: no
                c: NO
                d: 0644
                e: '0644'
                f: 42
                g: 3.5
                h: ~
                i: on
                j: 0x1F
                k: hello
                l: 2024-01-02
                m: y
                n: 12345678901
                o:
                """);
        assertEquals(true, m.get("a").toJava());
        assertEquals(false, m.get("b").toJava());
        assertEquals(false, m.get("c").toJava());
        assertEquals(420, m.get("d").toJava());
        assertEquals("0644", ((YScalar) m.get("d")).text(), "source text is kept for modes");
        assertEquals("0644", m.get("e").toJava());
        assertEquals(42, m.get("f").toJava());
        assertEquals(3.5, m.get("g").toJava());
        assertNull(m.get("h").toJava());
        assertEquals(true, m.get("i").toJava());
        assertEquals(31, m.get("j").toJava());
        assertEquals("hello", m.get("k").toJava());
        assertEquals("2024-01-02", m.get("l").toJava(), "timestamps stay text");
        assertEquals("y", m.get("m").toJava());
        assertEquals(12345678901L, m.get("n").toJava());
        assertNull(m.get("o").toJava());
    }

    @Test
    void quotedFlagDistinguishesQuotedFromPlain() {
        assertTrue(scalar("a: 'x'", "a").quoted());
        assertTrue(scalar("a: \"x\"", "a").quoted());
        assertFalse(scalar("a: x", "a").quoted());
        assertFalse(scalar("a: |\n  x\n", "a").quoted());
        assertEquals("yes", scalar("a: 'yes'", "a").value());
    }

    @Test
    void originsAreOneBasedWithTheLabel() {
        YMap m = map("""
                first: 1
                nested:
                  - alpha
                  - key: value
                """);
        assertEquals(new Origin("t.yml", 1, 1), m.keyOrigin("first"));
        assertEquals(new Origin("t.yml", 1, 8), m.get("first").origin());
        YList list = (YList) m.get("nested");
        assertEquals(new Origin("t.yml", 3, 5), list.items().get(0).origin());
        YMap inner = (YMap) list.items().get(1);
        assertEquals(new Origin("t.yml", 4, 5), inner.keyOrigin("key"));
        assertEquals(new Origin("t.yml", 4, 10), inner.get("key").origin());
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        UserError e = assertThrows(UserError.class, () -> map("""
                a: 1
                b: 2
                a: 3
                """));
        assertEquals(new Origin("t.yml", 3, 1), e.origin());
        assertTrue(e.getMessage().contains("duplicate key 'a'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesPositionProblemAndHint() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString("""
                - name: x
                  debug: msg: hi
                """, "play.yml"));
        assertEquals("play.yml", e.origin().file());
        assertEquals(2, e.origin().line());
        assertEquals(13, e.origin().column());
        assertTrue(e.getMessage().startsWith("YAML syntax error: mapping values are not allowed here"), e.getMessage());
        assertTrue(e.hint().contains("quoted"), e.hint());
    }

    @Test
    void badIndentationIsReportedWhereItHappens() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString("""
                a:
                  b: 1
                 c: 2
                """, "x.yml"));
        assertEquals(3, e.origin().line());
        assertTrue(e.getMessage().contains("YAML syntax error"), e.getMessage());
    }

    @Test
    void anchorsAliasesAndMergeKeys() {
        YMap m = map("""
                base: &base
                  user: root
                  port: 22
                other: &other
                  port: 2222
                  shell: /bin/sh
                host:
                  <<: [*base, *other]
                  user: admin
                copy: *base
                """);
        YMap host = (YMap) m.get("host");
        assertEquals(Map.of("user", "admin", "port", 22, "shell", "/bin/sh"), host.toJava());
        assertEquals(List.of("user", "port", "shell"), List.copyOf(host.entries().keySet()));
        assertEquals(Map.of("user", "root", "port", 22), m.get("copy").toJava());
    }

    @Test
    void mergedKeysDoNotCountAsDuplicates() {
        YMap m = map("""
                base: &b {a: 1}
                x:
                  <<: *b
                  a: 2
                """);
        assertEquals(2, ((YMap) m.get("x")).get("a").toJava());
    }

    @Test
    void nonStringKeysBecomeTheirText() {
        YMap m = map("1: one\nyes: two\n");
        assertEquals(List.of("1", "yes"), List.copyOf(m.entries().keySet()));
    }

    @Test
    void emptyTextIsNull() {
        assertNull(YamlLoader.loadString("", "e"));
        assertNull(YamlLoader.loadString("# only a comment\n", "e"));
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder text = new StringBuilder("a: &a [x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            text.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
            prev = c;
        }
        assertThrows(UserError.class, () -> YamlLoader.loadString(text.toString(), "bomb"));
    }

    @Test
    void billionLaughsIsRefusedByItsExpandedSizeAtTheAnchor() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString(YamlBombs.billionLaughs(), "bomb.yml"));
        assertTrue(e.getMessage().contains("YAML aliases expand this document by more than 1,000,000 values"), e.getMessage());
        assertEquals("bomb.yml", e.origin().file());
        assertTrue(e.origin().line() >= 2 && e.origin().line() <= 10, e.origin().toString());
        assertTrue(e.getMessage().contains("&lol" + (e.origin().line() - 1)), e.getMessage());
        assertTrue(e.hint().contains("alias bomb"), e.hint());
    }

    @Test
    void manyMergeKeysAndReusedListsStillLoad() {
        StringBuilder text = new StringBuilder("defaults: &d {user: root, port: 22, tags: &t [a, b, c]}\nhosts:\n");
        for (int i = 0; i < 500; i++) text.append("  h").append(i).append(": {<<: *d, id: ").append(i).append(", also: *t}\n");
        YMap hosts = (YMap) map(text.toString()).get("hosts");
        assertEquals(500, hosts.entries().size());
        YMap h499 = (YMap) hosts.get("h499");
        assertEquals(Map.of("user", "root", "port", 22, "tags", List.of("a", "b", "c"), "id", 499, "also", List.of("a", "b", "c")),
                h499.toJava());
    }

    @Test
    void aliasesAreCountedAsExpanded() {
        // 1 + 1,000 values in the anchor, used 999 times: 999,999 values added, just within the limit
        String items = "[" + "x, ".repeat(999) + "x]";
        assertEquals(999, ((YList) map("a: &a " + items + "\nb: [" + "*a, ".repeat(998) + "*a]\n").get("b")).items().size());
        UserError e = assertThrows(UserError.class, () -> map("a: &a " + items + "\nb: [" + "*a, ".repeat(999) + "*a]\n"));
        assertTrue(e.getMessage().contains("1,001 values"), e.getMessage());
    }

    @Test
    void aNulByteIsReportedAtItsLineAndColumn() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString("a: 1\nb: x\u0000y\n", "nul.yml"));
        assertEquals(new Origin("nul.yml", 2, 5), e.origin());
        assertTrue(e.getMessage().contains("U+0000"), e.getMessage());
        UserError bell = assertThrows(UserError.class, () -> YamlLoader.loadString("\uFEFFa: \"\u00e9\"\r\nb:\r\n  - \u0007\n", "bell.yml"));
        assertEquals(new Origin("bell.yml", 3, 5), bell.origin());
    }

    @Test
    void documentsBeyondSixteenMillionCodePointsLoad() {
        String comments = ("# " + "c".repeat(98) + "\n").repeat(17 * 1024 * 1024 / 100);
        assertEquals("v", scalar(comments + "x: v\n", "x").value());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.yml");
        try (var raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(YamlLoader.MAX_CODE_POINTS + 1L); // sparse: takes no disk space
        }
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadFile(f));
        assertTrue(e.getMessage().contains("file is too large: 268,435,457 bytes (at most 256 MB)"), e.getMessage());
    }

    @Test
    void globalTagsAreRefused() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString("a: !!javax.script.ScriptEngineManager []\n", "t"));
        assertTrue(e.getMessage().toLowerCase().contains("tag"), e.getMessage());
    }

    @Test
    void multipleDocumentsAreAnError() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString("a: 1\n---\nb: 2\n", "t"));
        assertTrue(e.hint().contains("'---'"), e.hint());
    }

    @Test
    void fileLoadingUsesThePathAsLabel(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v.yml");
        Files.writeString(f, "x: 1\n");
        YMap m = (YMap) YamlLoader.loadFile(f);
        assertEquals(f.toString(), m.keyOrigin("x").file());
        UserError missing = assertThrows(UserError.class, () -> YamlLoader.loadFile(dir.resolve("nope.yml")));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
    }

    @Test
    void sourceLinesReadsTheLineOfAnOrigin(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.yml");
        Files.writeString(f, "one\ntwo\nthree\n");
        assertEquals("two", SourceLines.lineOf(new Origin(f.toString(), 2, 1)).orElseThrow());
        assertTrue(SourceLines.lineOf(new Origin(f.toString(), 9, 1)).isEmpty());
        assertTrue(SourceLines.lineOf(Origin.of("-e")).isEmpty());
        assertEquals("b", SourceLines.line("a\nb\n", 2).orElseThrow());
    }

    @Test
    void varsFileMustBeAMappingOfValidNames(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("vars.yml");
        Files.writeString(f, "good: 1\nbad-name: 2\n");
        UserError e = assertThrows(UserError.class, () -> VarsFile.load(f));
        assertEquals(2, e.origin().line());
        assertTrue(e.getMessage().contains("bad-name"));
        Files.writeString(f, "- a\n");
        assertTrue(assertThrows(UserError.class, () -> VarsFile.load(f)).getMessage().contains("must be a mapping"));
        Files.writeString(f, "");
        assertTrue(VarsFile.load(f).entries().isEmpty());
    }

    @Test
    void vaultValuesWithoutAPasswordSayHowToGiveOne() {
        UserError e = assertThrows(UserError.class, () -> YamlLoader.loadString("pw: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3030\n", "v.yml"));
        assertEquals(new Origin("v.yml", 1, 5), e.origin());
        assertTrue(e.hint().contains("--vault-password-file"), e.hint());
    }

    @Test
    void keyValueTextForExtraVars() {
        YMap m = KeyValueText.parse("a=1 b='two words' c=\"x=y\"", "-e");
        assertEquals(Map.of("a", "1", "b", "two words", "c", "x=y"), m.toJava());
        assertEquals(new Origin("-e", 1, 5), m.keyOrigin("b"));
        UserError e = assertThrows(UserError.class, () -> KeyValueText.parse("just text", "-e"));
        assertTrue(e.getMessage().contains("expected key=value"));
    }

    @Test
    void commonMistakesGetSpecificHints() {
        UserError tab = assertThrows(UserError.class, () -> YamlLoader.loadString("a:\n\t- b\n", "t.yml"));
        assertEquals(new Origin("t.yml", 2, 1), tab.origin());
        assertEquals("YAML indentation must use spaces, not tabs", tab.hint());

        UserError template = assertThrows(UserError.class, () -> YamlLoader.loadString("- debug:\n    msg: {{ x }}\n", "t.yml"));
        assertEquals(new Origin("t.yml", 2, 10), template.origin());
        assertEquals("a value that starts with '{{' must be quoted", template.getMessage());

        UserError quote = assertThrows(UserError.class, () -> YamlLoader.loadString("a: \"open\n", "t.yml"));
        assertTrue(quote.hint().contains("quote is not closed"), quote.hint());

        UserError alias = assertThrows(UserError.class, () -> YamlLoader.loadString("a: *nope\n", "t.yml"));
        assertEquals(new Origin("t.yml", 1, 4), alias.origin());
        assertTrue(alias.hint().contains("define the anchor"), alias.hint());
    }
}
