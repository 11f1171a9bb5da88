package meshplay.engine.yaml;

/** How to fix the YAML syntax errors people make most often in playbooks. */
final class SyntaxHints {
    private SyntaxHints() {
    }

    static String forProblem(String problem) {
        String p = problem == null ? "" : problem;
        if (p.contains("mapping values are not allowed")) {
            return "a value that contains ': ' must be quoted, or a key is indented wrongly; check the indentation of this line";
        }
        if (p.contains("\\t") || p.contains("TAB")) {
            return "YAML indentation must use spaces, not tabs";
        }
        if (p.contains("found character '{'") || p.contains("found character '%'") || p.contains("'{{'")) {
            return "a value that starts with {{ must be quoted: key: \"{{ var }}\"";
        }
        if (p.contains("expected <block end>")) {
            return "this line is indented differently from the lines before it; align it with its siblings";
        }
        if (p.contains("found undefined alias")) {
            return "define the anchor (&name) before using the alias (*name)";
        }
        if (p.contains("found unexpected end of stream") || p.contains("while scanning a quoted scalar")) {
            return "a quote is not closed; close it on the same value";
        }
        if (p.contains("expected a single document")) {
            return "a playbook or vars file holds one YAML document; remove the extra '---'";
        }
        if (p.contains("could not find expected ':'")) {
            return "a key must be followed by ':'; or a multi-line value must be quoted or use | or >";
        }
        return "check the YAML syntax at this position (indentation, quotes, ':' after keys)";
    }
}
