package meshplay.engine.template;

import java.util.AbstractList;
import java.util.List;

/**
 * A Python tuple, as a filter such as splitext returns one: a read-only list that prints with
 * parentheses ("('a/b.tar', '.gz')"). Output alone in a template it gives that text, as Ansible's
 * templating does (only text that starts with [ or { becomes a list or a mapping again); indexed,
 * iterated or converted with | list it is a list, and JSON writes it as one.
 */
public final class PyTuple extends AbstractList<Object> {
    private final List<Object> items;

    public PyTuple(List<?> items) {
        this.items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
