package meshplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import meshplay.engine.error.UserError;
import meshplay.engine.yaml.YList;
import meshplay.engine.yaml.YMap;
import meshplay.engine.yaml.YNode;
import meshplay.engine.yaml.YScalar;
import meshplay.engine.yaml.YamlLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every template and condition written in the shipped playbooks, inventories and template files
 * parses: a syntax the templar does not understand fails here, not on a node.
 */
class ShippedPlaybooksTest {
    private static final Set<String> CONDITIONS = Set.of("when", "that", "until", "changed_when", "failed_when");

    @Test
    void everyExpressionParses() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("playbooks")), "run from the engine module of the repository");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        MvelTemplar t = new MvelTemplar();
        for (String dir : List.of("playbooks", "inventories")) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml$") && Files.isRegularFile(p)).toList()) {
                    YNode doc = YamlLoader.loadFile(f);
                    if (doc != null) checked += check(doc, null, t, problems);
                }
            }
            Path templates = root.resolve(dir).resolve("templates");
            if (Files.isDirectory(templates)) {
                try (Stream<Path> files = Files.list(templates)) {
                    for (Path f : files.toList()) {
                        checked++;
                        parseTemplate(Files.readString(f), f.toString(), t, problems);
                    }
                }
            }
        }
        assertTrue(checked > 50, "found only " + checked + " templates and conditions");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static int check(YNode node, String key, MvelTemplar t, List<String> problems) {
        int n = 0;
        if (node instanceof YMap m) {
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                if (e.getValue() != null) n += check(e.getValue(), e.getKey(), t, problems);
            }
        } else if (node instanceof YList l) {
            for (YNode item : l.items()) if (item != null) n += check(item, key, t, problems);
        } else if (node instanceof YScalar s && s.value() instanceof String text) {
            if (CONDITIONS.contains(key) && !Templar.isTemplate(text)) {
                n++;
                try {
                    t.translate(text);
                } catch (ExpressionSyntaxException e) {
                    problems.add(s.origin() + ": " + key + ": " + text + ": " + e.getMessage());
                }
            } else if (Templar.isTemplate(text)) {
                n++;
                parseTemplate(text, s.origin().toString(), t, problems);
            }
        }
        return n;
    }

    /** Parses the text and translates each expression and statement condition in it, without evaluating. */
    private static void parseTemplate(String text, String where, MvelTemplar t, List<String> problems) {
        try {
            translateAll(TemplateParser.parse(text), t);
        } catch (TemplateSyntaxException | ExpressionSyntaxException | UserError e) {
            problems.add(where + ": " + text.strip() + ": " + e.getMessage());
        }
    }

    private static void translateAll(List<TemplateNode> nodes, MvelTemplar t) {
        for (TemplateNode node : nodes) {
            if (node instanceof TemplateNode.Output o) {
                t.translate(o.expression());
            } else if (node instanceof TemplateNode.If f) {
                for (TemplateNode.Branch b : f.branches()) {
                    t.translate(b.condition());
                    translateAll(b.body(), t);
                }
                translateAll(f.otherwise(), t);
            } else if (node instanceof TemplateNode.For f) {
                t.translate(f.iterable());
                if (f.condition() != null) t.translate(f.condition());
                translateAll(f.body(), t);
                translateAll(f.otherwise(), t);
            } else if (node instanceof TemplateNode.Set s) {
                t.translate(s.expression());
            }
        }
    }
}
