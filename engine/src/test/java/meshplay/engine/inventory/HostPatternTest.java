package meshplay.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import meshplay.engine.testing.FileTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPatternTest {
    @TempDir
    Path dir;
    Inventory inv;

    @BeforeEach
    void setUp() {
        Path f = new FileTree(dir).write("hosts", """
                [web]
                web1
                web2
                web3
                [db]
                db1
                web3
                [staging]
                web1
                db1
                """);
        inv = InventoryLoader.load(List.of(f.toString()), null);
    }

    private List<String> match(String pattern) {
        return inv.match(pattern);
    }

    @Test
    void allAndStar() {
        assertEquals(List.of("web1", "web2", "web3", "db1"), match("all"));
        assertEquals(List.of("web1", "web2", "web3", "db1"), match("*"));
    }

    @Test
    void namesUnionIntersectionExclusion() {
        assertEquals(List.of("web2"), match("web2"));
        assertEquals(List.of("web1", "web2", "web3", "db1"), match("web:db"));
        assertEquals(List.of("web1", "web2", "web3", "db1"), match("web,db"));
        assertEquals(List.of("web3"), match("web:&db"));
        assertEquals(List.of("web1", "web2"), match("web:!db"));
        assertEquals(List.of("web2"), match("web:!db:!staging"));
        assertEquals(List.of("web1"), match("web:&staging:!db"));
        assertEquals(List.of("web2", "web3"), match("!staging"));
        assertEquals(List.of("web1", "db1"), match("staging,&all"));
    }

    @Test
    void wildcardsAndRegex() {
        assertEquals(List.of("web1", "web2", "web3"), match("web*"));
        assertEquals(List.of("web1", "web2", "web3", "db1"), match("*1:web*"));
        assertEquals(List.of("web1", "db1"), match("*1"));
        assertEquals(List.of("web2", "web3"), match("~web[23]"));
        assertEquals(List.of("web1", "web2", "web3", "db1"), match("~(web|db)\\d"));
        assertEquals(List.of("db1", "web3"), List.of(match("~d.*").toArray(String[]::new)).stream().sorted().toList());
    }

    @Test
    void subscriptsAreInclusiveLikeAnsible() {
        assertEquals(List.of("web1"), match("web[0]"));
        assertEquals(List.of("web3"), match("web[-1]"));
        assertEquals(List.of("web1", "web2", "web3"), match("web[0:2]"));
        assertEquals(List.of("web2", "web3"), match("web[1:]"));
        assertEquals(List.of("web1", "web2"), match("web[:1]"));
        assertEquals(List.of(), match("web[7]"));
        assertEquals(List.of("web2", "web3", "db1"), match("web[1]:db"));
    }

    @Test
    void unknownNamesMatchNothing() {
        assertEquals(List.of(), match("nosuch"));
        assertEquals(List.of(), match("nosuch*"));
        assertEquals(List.of("web1"), match("web1:nosuch"));
    }
}
