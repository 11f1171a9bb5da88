package meshplay.engine.template;

import java.util.List;
import java.util.Set;
import meshplay.engine.lang.ShortName;

/**
 * Which filters take an undefined value as input (default, mandatory): shared by the translator and
 * the evaluator; and which give text that stays text (Ansible's STRING_TYPE_FILTERS).
 */
public final class FilterNames {
    private static final Set<String> UNDEFINED_AWARE = Set.of("default", "d", "mandatory");
    /** Filters whose text Ansible's templating never turns into a list or a mapping (to_json gives JSON text). */
    private static final Set<String> STRING_TYPE = Set.of("string", "to_json", "to_nice_json", "to_yaml", "to_nice_yaml", "ppretty", "json");

    private FilterNames() {
    }

    static boolean acceptsUndefined(String name) {
        return UNDEFINED_AWARE.contains(ShortName.of(name));
    }

    /**
     * True when the expression ends with one of the filters whose text stays text ({@code x | to_json},
     * {@code x | to_nice_json(indent=2)}): the last filter of its outermost pipe chain, with nothing
     * after it but its arguments. As in Ansible, the name must be the short one: ansible.builtin.to_json
     * is not in its list.
     */
    static boolean endsWithTextFilter(String expression) {
        List<Token> tokens;
        try {
            tokens = ExpressionLexer.tokenize(expression);
        } catch (ExpressionSyntaxException e) {
            return false;
        }
        int depth = 0;
        int pipe = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) depth--;
            else if (depth == 0 && t.is("|")) pipe = i;
        }
        if (pipe < 0) return false;
        int i = pipe + 1;
        StringBuilder name = new StringBuilder();
        while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.NAME) {
            name.append(tokens.get(i++).text());
            if (i < tokens.size() && tokens.get(i).is(".")) name.append(tokens.get(i++).text());
            else break;
        }
        if (i < tokens.size() && tokens.get(i).is("(")) {
            int d = 0;
            for (; i < tokens.size(); i++) {
                if (tokens.get(i).is("(")) d++;
                else if (tokens.get(i).is(")") && --d == 0) break;
            }
            i++;
        }
        return i < tokens.size() && tokens.get(i).kind() == Token.Kind.END && STRING_TYPE.contains(name.toString());
    }
}
