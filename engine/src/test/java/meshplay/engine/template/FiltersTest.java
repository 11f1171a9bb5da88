package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import meshplay.engine.error.UserError;
import org.junit.jupiter.api.Test;

/** Every built-in filter, with the outputs Ansible gives. */
class FiltersTest {
    private final MvelTemplar t = new MvelTemplar();
    private final Map<String, Object> vars = Y.vars(
        "nodes", List.of("n3", "n2", "N4"),
        "nums", List.of(3, 1, 2, 3),
        "users", List.of(Map.of("name", "bob", "age", 40, "on", true), Map.of("name", "al", "age", 30, "on", false)),
        "d", map("b", 2, "a", 1),
        "text", "  Hello World  ",
        "out", Map.of("stdout", "osd.0 up\nosd.1 down\nosd.2 up", "rc", 0));

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private Object e(String expr) {
        return t.evaluate(expr, vars, Y.AT);
    }

    @Test
    void defaults() {
        assertEquals("a", e("x | default('a')"));
        assertEquals("a", e("x | d('a')"));
        assertEquals(1, e("d.zz | default(1)"));
        assertEquals("", e("x | default"));
        assertEquals(List.of(), e("nums | select('gt', 5) | list | default('none')"));
        assertEquals("none", e("nums | select('gt', 5) | list | default('none', true)"));
        assertEquals("none", e("'' | default('none', true)"));
        assertEquals(false, e("false | default(true)"));
        assertEquals(null, e("x | default(none)"));
        assertEquals(java.util.Arrays.asList(null, 1), e("[none, 1]"));
        assertEquals(2, e("d.b | mandatory"));
        assertEquals("none", e("[] | first | default('none')"));
        UserError empty = assertThrows(UserError.class, () -> e("[] | last"));
        assertTrue(empty.getMessage().startsWith("'last' of an empty list"), empty.getMessage());
        UserError err = assertThrows(UserError.class, () -> e("x | mandatory('set x please')"));
        assertTrue(err.getMessage().startsWith("set x please"), err.getMessage());
        assertEquals("fallback", e("ansible.builtin.default(x, 'fallback')".replace("ansible.builtin.default(x, ", "x | ansible.builtin.default(")));
    }

    @Test
    void text() {
        assertEquals("hello", e("'HeLLo' | lower"));
        assertEquals("HELLO", e("'hello' | upper"));
        assertEquals("Hello world", e("'hELLO WORLD' | capitalize"));
        assertEquals("Hello World", e("'hello wORLD' | title"));
        assertEquals("Hello World", e("text | trim"));
        assertEquals("abc", e("'xxabcxx' | trim('x')"));
        assertEquals("a-b-c", e("'a b c' | replace(' ', '-')"));
        assertEquals("5", e("5 | string"));
        assertEquals("vmbr0", e("'vmbr0.100' | regex_replace('\\\\.\\\\d+$', '')"));
        assertEquals("b-a", e("'a-b' | regex_replace('(\\\\w)-(\\\\w)', '\\\\2-\\\\1')"));
        assertEquals("X-b", e("'a-b' | regex_replace('A', 'X', ignorecase=true)"));
        assertEquals("osd.1", e("out.stdout | regex_search('osd\\\\.\\\\d+(?= down)')"));
        assertEquals(List.of("1"), e("out.stdout | regex_search('osd\\\\.(\\\\d+) down', '\\\\1')"));
        assertEquals(List.of("0"), e("out.stdout | regex_search('osd\\\\.(?P<id>\\\\d+) up$', '\\\\g<id>', multiline=true)"));
        assertEquals(List.of("2"), e("out.stdout | regex_search('osd\\\\.(?P<id>\\\\d+) up$', '\\\\g<id>')"));
        assertEquals(null, e("'abc' | regex_search('z')"));
        assertEquals(List.of("0", "2"), e("out.stdout | regex_findall('osd\\\\.(\\\\d+) up')"));
        assertEquals("10\\.0\\.0\\.1", e("'10.0.0.1' | regex_escape"));
        // Python's re, as lineinfile reads it: "." matches "\r", "$" is not before "\r\n", group names may hold "_"
        Map<String, Object> lines = Y.vars("cr", "a\rb", "crlf", "a\r\n");
        assertEquals("a\rb", t.evaluate("cr | regex_search('a.b')", lines, Y.AT));
        assertEquals(false, t.evaluate("crlf is search('a$')", lines, Y.AT));
        assertEquals("b=a", e("'a=b' | regex_replace('(?P<the_key>\\\\w)=(?P<the_value>\\\\w)', '\\\\g<the_value>=\\\\g<the_key>')"));
        assertEquals(List.of("a", "b", "c"), e("'a,b,c' | split(',')"));
        assertEquals(List.of("a", "b"), e("' a  b ' | split"));
        assertEquals("'it'\"'\"'s'", e("\"it's\" | quote"));
        assertEquals("interfaces", e("'/etc/network/interfaces' | basename"));
        assertEquals("/etc/network", e("'/etc/network/interfaces' | dirname"));
        assertEquals("a\n    b", e("'a\\nb' | indent(4)"));
        assertEquals("n2-05", e("'%s-%02d' | format('n2', 5)"));
        assertEquals("3 words", e("('a b c' | wordcount) ~ ' words'"));
        assertEquals("/etc/network/interfaces.d", e("['/etc', 'network', 'interfaces.d'] | path_join"));
        assertEquals("/b/c", e("['a', '/b', 'c'] | path_join"));
        assertEquals("dict", e("d | type_debug"));
    }

    @Test
    void numbersAndBooleans() {
        assertEquals(42, e("'42' | int"));
        assertEquals(12, e("'12.7' | int"));
        assertEquals(0, e("'abc' | int"));
        assertEquals(7, e("'abc' | int(7)"));
        assertEquals(26, e("'0x1A' | int(base=16)"));
        assertEquals(1.5, e("'1.5' | float"));
        assertEquals(5, e("-5 | abs"));
        assertEquals(3.0, e("2.6 | round"));
        assertEquals(2.57, e("2.567 | round(2)"));
        // as Python's round(): ties go to the even digit, and the binary value decides (2.675 is below the tie)
        assertEquals(2.0, e("2.5 | round"));
        assertEquals(4.0, e("3.5 | round"));
        assertEquals(2.67, e("2.675 | round(2)"));
        assertEquals(2.0, e("2.6 | round(0, 'floor')"));
        assertEquals(true, e("'yes' | bool"));
        assertEquals(true, e("'On' | bool"));
        assertEquals(true, e("1 | bool"));
        assertEquals(false, e("'no' | bool"));
        assertEquals(false, e("'0' | bool"));
        assertEquals(null, e("none | bool"), "None stays None, as in ansible-playbook");
        assertEquals(false, e("'y' | bool"), "the bool filter knows fewer words than boolean()");
        assertEquals(false, e("' yes' | bool"));
        assertEquals("up", e("true | ternary('up', 'down')"));
        assertEquals("down", e("0 | ternary('up', 'down')"));
        assertEquals("unset", e("none | ternary('up', 'down', 'unset')"));
        assertEquals(3.0, e("8 | log(2)"));
        assertEquals(4.0, e("16 | root"));
        assertEquals(8.0, e("2 | pow(3)"));
        assertEquals("1.50 KB", e("1536 | human_readable"));
        assertEquals("512.00 Bytes", e("512 | human_readable"));
        assertEquals("2.00 GB", e("2147483648 | human_readable"));
        assertEquals(1610612736L, e("'1.5G' | human_to_bytes"));
        assertEquals(10485760L, e("'10 MB' | human_to_bytes"));
        assertEquals(2048L, e("'2' | human_to_bytes('K')"));
    }

    @Test
    void lists() {
        assertEquals(4, e("nums | length"));
        assertEquals(2, e("d | count"));
        assertEquals(3, e("'abc' | length"));
        assertEquals("n3", e("nodes | first"));
        assertEquals("N4", e("nodes | last"));
        assertEquals(1, e("nums | min"));
        assertEquals(3, e("nums | max"));
        assertEquals(Map.of("name", "bob", "age", 40, "on", true), e("users | max(attribute='age')"));
        assertEquals(9, e("nums | sum"));
        assertEquals(70, e("users | sum(attribute='age')"));
        assertEquals(List.of(3, 1, 2), e("nums | unique"));
        assertEquals(List.of(1, 2, 3, 3), e("nums | sort"));
        assertEquals(List.of(3, 3, 2, 1), e("nums | sort(reverse=true)"));
        assertEquals(List.of("n2", "n3", "N4"), e("nodes | sort"));
        assertEquals(List.of("N4", "n2", "n3"), e("nodes | sort(case_sensitive=true)"));
        assertEquals(List.of("al", "bob"), e("users | sort(attribute='age') | map(attribute='name') | list"));
        assertEquals(List.of(3, 2, 1, 3), e("nums | reverse"));
        assertEquals(List.of("b", "a"), e("d | list"));
        assertEquals(List.of("a", "b", "c"), e("'abc' | list"));
        assertEquals("n3,n2,N4", e("nodes | join(',')"));
        assertEquals("bob al", e("users | join(' ', attribute='name')"));
        assertEquals(List.of(1, 2, 3, 4), e("[1, [2, [3, [4]]]] | flatten"));
        assertEquals(List.of(1, 2, List.of(3, List.of(4))), e("[1, [2, [3, [4]]]] | flatten(levels=1)"));
        assertEquals(List.of(1, 2, 3, 4), e("[1, 2] | union([2, 3, 4])"));
        assertEquals(List.of(2), e("[1, 2] | intersect([2, 3])"));
        assertEquals(List.of(1), e("[1, 2] | difference([2, 3])"));
        assertEquals(List.of(1, 3), e("[1, 2] | symmetric_difference([2, 3])"));
        assertEquals(List.of(List.of(1, "a"), List.of(2, "b")), e("[1, 2, 3] | zip(['a', 'b'])"));
        assertEquals(List.of(List.of(1, "a"), java.util.Arrays.asList(2, null)), e("[1, 2] | zip_longest(['a'])"));
        assertEquals(List.of(List.of(1, 2), List.of(3)), e("[1, 2, 3] | batch(2)"));
    }

    @Test
    void mappings() {
        assertEquals(List.of(Map.of("key", "b", "value", 2), Map.of("key", "a", "value", 1)), e("d | dict2items"));
        assertEquals(List.of(Map.of("k", "b", "v", 2), Map.of("k", "a", "v", 1)), e("d | dict2items(key_name='k', value_name='v')"));
        assertEquals(map("b", 2, "a", 1), e("d | dict2items | items2dict"));
        assertEquals(map("b", 3, "a", 1, "c", 4), e("d | combine({'b': 3, 'c': 4})"));
        assertEquals(Map.of("x", Map.of("a", 1, "b", 2)), e("{'x': {'a': 1}} | combine({'x': {'b': 2}}, recursive=true)"));
        assertEquals(Map.of("x", Map.of("b", 2)), e("{'x': {'a': 1}} | combine({'x': {'b': 2}})"));
        assertEquals(Map.of("l", List.of(1, 2)), e("{'l': [1]} | combine({'l': [2]}, list_merge='append')"));
        assertEquals(List.of(2, 1), e("d.values() | list"));
        assertEquals(List.of(List.of("a", 1), List.of("b", 2)), e("d | dictsort"));
        assertEquals(List.of(List.of(Map.of("n", "a", "ips", List.of(1, 2)), 1), List.of(Map.of("n", "a", "ips", List.of(1, 2)), 2)),
            e("[{'n': 'a', 'ips': [1, 2]}] | subelements('ips')"));
    }

    @Test
    void selection() {
        assertEquals(List.of("bob", "al"), e("users | map(attribute='name') | list"));
        assertEquals(List.of("N3", "N2", "N4"), e("nodes | map('upper') | list"));
        assertEquals(List.of("n3x", "n2x", "N4x"), e("nodes | map('regex_replace', '$', 'x') | list"));
        assertEquals(List.of("?", "?"), e("users | map(attribute='zz', default='?') | list"));
        assertEquals(List.of(3, 3), e("nums | select('equalto', 3) | list"));
        assertEquals(List.of(2, 1), e("['b', 'a'] | map('extract', d) | list"));
        assertEquals(List.of(40), e("[0] | map('extract', users, 'age') | list"));
        UserError err = assertThrows(UserError.class, () -> e("['zz'] | map('extract', d) | list"));
        assertTrue(err.getMessage().startsWith("'container' has no key 'zz'"), err.getMessage());
        assertEquals(List.of(1, 2), e("nums | reject('equalto', 3) | list"));
        assertEquals(List.of(3, 1, 3), e("nums | select('odd') | list"));
        assertEquals(List.of("n3", "n2"), e("nodes | select('match', 'n') | list"));
        assertEquals(List.of(1, 2, 3), e("[0, 1, none, 2, '', 3] | select | list"));
        assertEquals(List.of("bob"), e("users | selectattr('on') | map(attribute='name') | list"));
        assertEquals(List.of("al"), e("users | selectattr('age', 'lt', 35) | map(attribute='name') | list"));
        assertEquals(List.of("bob"), e("users | rejectattr('name', 'equalto', 'al') | map(attribute='name') | list"));
        assertEquals(List.of(), e("users | selectattr('zz', 'defined') | list"));
        assertEquals(2, e("users | rejectattr('zz', 'defined') | list | length"));
    }

    @Test
    void dataFormats() {
        assertEquals("{\"b\": 2, \"a\": [1, \"x\", true, null]}", e("{'b': 2, 'a': [1, 'x', true, none]} | to_json"));
        assertEquals("{\n    \"a\": 1,\n    \"b\": [\n        2\n    ]\n}", e("{'b': [2], 'a': 1} | to_nice_json"));
        assertEquals(Map.of("a", List.of(1, 2.5, "x\n", true)), e("'{\"a\": [1, 2.5, \"x\\\\n\", true]}' | from_json"));
        assertEquals("a: 1\nb: [x, y]\n", e("{'b': ['x', 'y'], 'a': 1} | to_yaml"));
        assertEquals("a: 1\nb:\n- x\n- y\n", e("{'b': ['x', 'y'], 'a': 1} | to_nice_yaml"));
        assertEquals(Map.of("a", 1, "b", List.of("x", "y"), "c", true), e("'a: 1\\nb: [x, y]\\nc: yes' | from_yaml"));
        UserError err = assertThrows(UserError.class, () -> e("'{\"a\": }' | from_json"));
        assertTrue(err.getMessage().startsWith("filter 'from_json': invalid JSON: unexpected character '}' at line 1 column 7"), err.getMessage());
    }

    @Test
    void encodings() {
        assertEquals("aGVsbG8=", e("'hello' | b64encode"));
        assertEquals("hello", e("'aGVsbG8=' | b64decode"));
        assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", e("'hello' | hash('sha1')"));
        assertEquals("5d41402abc4b2a76b9719d911017c592", e("'hello' | hash('md5')"));
        assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", e("'hello' | checksum"));
        assertEquals("a%20b%26c", e("'a b&c' | urlencode"));
    }

    @Test
    void addresses() {
        assertEquals("10.1.1.0", e("'10.1.1.0/24' | ansible.utils.ipaddr('network')"));
        assertEquals("10.1.1.0", e("'10.1.1.77/24' | ipaddr('network')"));
        assertEquals("10.100.0.2", e("'10.100.0.2/30' | ipaddr('address')"));
        assertEquals(30, e("'10.100.0.2/30' | ipaddr('prefix')"));
        assertEquals("255.255.255.252", e("'10.100.0.2/30' | ipaddr('netmask')"));
        assertEquals("10.100.0.0/30", e("'10.100.0.2/30' | ipaddr('network/prefix')"));
        assertEquals("10.100.0.0/30", e("'10.100.0.2/30' | ipaddr('subnet')"));
        assertEquals(false, e("'10.100.0.2/30' | ipaddr('net')"));
        assertEquals("10.100.0.0/30", e("'10.100.0.0/30' | ipaddr('net')"));
        assertEquals("10.100.0.2/30", e("'10.100.0.2/30' | ipaddr('host')"));
        assertEquals("10.100.0.3", e("'10.100.0.2/30' | ipaddr('broadcast')"));
        assertEquals(4, e("'10.100.0.2/30' | ipaddr('size')"));
        assertEquals("10.100.0.1", e("'10.100.0.0/30' | ipaddr('first_usable')"));
        assertEquals("10.100.0.2", e("'10.100.0.0/30' | ipaddr('last_usable')"));
        assertEquals("10.0.0.5/24", e("'10.0.0.0/24' | ipaddr(5)"));
        assertEquals("10.0.0.0/24", e("'10.0.0.0/255.255.255.0' | ipaddr('net')"));
        assertEquals("10.0.0.1", e("'10.0.0.0/24' | nthhost(1)"));
        assertEquals("10.0.0.9", e("'10.0.0.5' | ipmath(4)"));
        assertEquals("10.0.0.1", e("'10.0.0.5/24' | ipmath(-4)"));
        assertEquals(false, e("'not-an-ip' | ipaddr"));
        assertEquals("10.0.0.1", e("'10.0.0.1' | ipv4"));
        assertEquals(false, e("'fd00::1' | ipv4"));
        assertEquals("fd00::", e("'fd00::1/64' | ipaddr('network')"));
        assertEquals("fd00:0:0:1::5", e("'fd00:0:0:1::1' | ipmath(4)"));
        assertEquals(List.of("10.0.0.1"), e("['10.0.0.1', 'x', 'fd00::1'] | ipv4"));
        assertEquals(true, e("'10.0.0.0/24' | network_in_usable('10.0.0.7')"));
        assertEquals(false, e("'10.0.0.0/24' | network_in_usable('10.0.0.255')"));
    }

    @Test
    void collectionPrefixesAreAccepted() {
        assertEquals("A", e("'a' | ansible.builtin.upper"));
        assertEquals("10.1.1.0", e("'10.1.1.0/24' | community.general.ipaddr('network')"));
    }
}
