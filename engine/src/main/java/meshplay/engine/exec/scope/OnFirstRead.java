package meshplay.engine.exec.scope;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A read-only list computed on its first read and kept from then on. The magic variables that list
 * the play's hosts (play_hosts, ansible_play_batch, ansible_play_hosts_all) walk every host of the
 * play; built for every host-task, that is a cost in the square of the hosts, and most tasks never
 * read them.
 */
final class OnFirstRead<T> extends AbstractList<T> {
    private final Supplier<List<T>> compute;
    private volatile List<T> list;

    OnFirstRead(Supplier<List<T>> compute) {
        this.compute = compute;
    }

    private List<T> list() {
        List<T> l = list;
        if (l == null) {
            synchronized (this) {
                l = list;
                if (l == null) list = l = List.copyOf(compute.get());
            }
        }
        return l;
    }

    @Override
    public T get(int index) {
        return list().get(index);
    }

    @Override
    public int size() {
        return list().size();
    }
}
