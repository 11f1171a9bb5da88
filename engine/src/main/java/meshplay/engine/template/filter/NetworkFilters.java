package meshplay.engine.template.filter;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import meshplay.engine.lang.IpNetwork;
import meshplay.engine.template.Ops;
import meshplay.engine.template.TemplateTypeException;

/**
 * ansible.utils address filters: ipaddr/ipv4/ipv6 with the common queries, ipmath, nthhost,
 * network_in_usable, network_in_network. A value that is not an address gives false, as in Ansible.
 */
final class NetworkFilters {
    private NetworkFilters() {
    }

    static void register(Registry r) {
        r.filter("ipaddr", (in, c) -> apply(in, c, 0));
        r.filter("ipv4", (in, c) -> apply(in, c, 4));
        r.filter("ipv6", (in, c) -> apply(in, c, 6));
        r.filter("ipmath", (in, c) -> {
            IpNetwork n = required(in, c);
            BigInteger v = n.ip().add(BigInteger.valueOf(((Number) c.required(0, "amount")).longValue()));
            if (v.signum() < 0 || v.bitLength() > n.bits()) throw new TemplateTypeException("ipmath: the result is outside the address space");
            return n.text(v);
        });
        r.filter("nthhost", (in, c) -> {
            IpNetwork n = required(in, c);
            Object host = nth(n, ((Number) c.required(0, "query")).longValue());
            return host instanceof BigInteger b ? n.text(b) : false;
        });
        r.filter("network_in_usable", (in, c) -> {
            IpNetwork net = required(in, c);
            IpNetwork test = IpNetwork.parse(Ops.toText(c.required(0, "test")));
            if (test == null || test.bits() != net.bits()) return false;
            BigInteger first = net.size().compareTo(BigInteger.TWO) > 0 ? net.network().add(BigInteger.ONE) : net.network();
            BigInteger last = net.size().compareTo(BigInteger.TWO) > 0 ? net.broadcast().subtract(BigInteger.ONE) : net.broadcast();
            return test.ip().compareTo(first) >= 0 && test.ip().compareTo(last) <= 0;
        });
        r.filter("network_in_network", (in, c) -> {
            IpNetwork net = required(in, c);
            IpNetwork test = IpNetwork.parse(Ops.toText(c.required(0, "test")));
            return test != null && net.contains(test);
        });
    }

    private static IpNetwork required(Object in, FilterCall c) {
        IpNetwork n = IpNetwork.parse(in == null ? null : Ops.toText(in));
        if (n == null) throw new TemplateTypeException(c.name() + ": " + Ops.repr(in, true) + " is not an IP address or network");
        return n;
    }

    /** A list gives the list of results that are not false; a single value gives its result or false. */
    private static Object apply(Object in, FilterCall c, int version) {
        Object query = c.arg(0, "query", "");
        if (in instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                Object r = one(o, query, version, c);
                if (!Boolean.FALSE.equals(r)) out.add(r);
            }
            return out;
        }
        return one(in, query, version, c);
    }

    private static Object one(Object in, Object query, int version, FilterCall c) {
        if (in == null || in instanceof Boolean) return false;
        IpNetwork v = IpNetwork.parse(Ops.toText(in));
        if (v == null || (version != 0 && v.version() != version)) return false;
        if (query instanceof Number n) {
            Object host = nth(v, n.longValue());
            return host instanceof BigInteger b ? v.text(b) + "/" + v.prefix() : false;
        }
        String q = query == null ? "" : Ops.toText(query);
        BigInteger size = v.size();
        boolean isNetwork = v.ip().equals(v.network());
        return switch (q) {
            case "" -> in;
            case "address" -> size.equals(BigInteger.ONE) || size.equals(BigInteger.TWO) || !isNetwork ? v.ipText() : false;
            case "host" -> size.equals(BigInteger.ONE) ? v.ipText() + "/" + v.prefix() : !isNetwork ? v.ipText() + "/" + v.prefix() : false;
            case "host/prefix", "gateway" -> size.compareTo(BigInteger.ONE) > 0 && !isNetwork ? v.ipText() + "/" + v.prefix() : false;
            case "address/prefix" -> size.compareTo(BigInteger.ONE) > 0 ? v.ipText() + "/" + v.prefix() : false;
            case "network" -> v.text(v.network());
            case "network/prefix", "subnet", "cidr" -> v.cidr();
            case "net" -> size.compareTo(BigInteger.ONE) > 0 && isNetwork ? v.cidr() : false;
            case "netmask" -> v.text(v.mask());
            case "hostmask" -> v.text(v.mask().xor(IpNetwork.maskOf(v.bits(), v.bits())));
            case "prefix" -> v.prefix();
            case "broadcast" -> size.compareTo(BigInteger.TWO) > 0 ? v.text(v.broadcast()) : false;
            case "size" -> size.bitLength() < 63 ? Ops.integer(size.longValue()) : size;
            case "first_usable" -> size.compareTo(BigInteger.TWO) > 0 ? v.text(v.network().add(BigInteger.ONE))
                : size.equals(BigInteger.TWO) ? v.text(v.network()) : false;
            case "last_usable" -> size.compareTo(BigInteger.TWO) > 0 ? v.text(v.broadcast().subtract(BigInteger.ONE))
                : size.equals(BigInteger.TWO) ? v.text(v.broadcast()) : false;
            case "range_usable" -> size.compareTo(BigInteger.TWO) > 0
                ? v.text(v.network().add(BigInteger.ONE)) + "-" + v.text(v.broadcast().subtract(BigInteger.ONE)) : false;
            case "version" -> v.version();
            case "ipv4" -> v.version() == 4 ? in : false;
            case "ipv6" -> v.version() == 6 ? in : false;
            case "private" -> v.isPrivate() ? in : false;
            case "public" -> v.isPrivate() ? false : in;
            case "int" -> v.ip() + "/" + v.prefix();
            case "type" -> size.compareTo(BigInteger.ONE) > 0 && isNetwork ? "network" : "address";
            case "bool" -> true;
            default -> throw new TemplateTypeException(c.name() + ": unknown query '" + q + "' (address, host, host/prefix, network, "
                + "network/prefix, net, subnet, netmask, hostmask, prefix, broadcast, size, first_usable, last_usable, "
                + "range_usable, version, private, public, type, or a number)");
        };
    }

    /** The n-th address of the network (negative counts from the end), or false when outside. */
    private static Object nth(IpNetwork v, long n) {
        BigInteger size = v.size();
        BigInteger idx = BigInteger.valueOf(n);
        if (n < 0) idx = size.add(idx);
        if (idx.signum() < 0 || idx.compareTo(size) >= 0) return false;
        return v.network().add(idx);
    }
}
