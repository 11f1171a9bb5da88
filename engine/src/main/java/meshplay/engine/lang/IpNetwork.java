package meshplay.engine.lang;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An IP address with a prefix ("10.100.0.2/30", "fd00::1/64", "10.0.0.0/255.255.255.0"); a bare address
 * has the full-length prefix. The one parser of IP addresses and networks, used by the ipaddr filters
 * and tests and by modules that validate addresses. Parsing never touches DNS: only numeric literals
 * are accepted. IPv6 text is written in the RFC 5952 short form, as Python and PVE write it.
 */
public record IpNetwork(BigInteger ip, int prefix, int bits) {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** The parsed value, or null when it is not an address or network. */
    public static IpNetwork parse(String text) {
        if (text == null) return null;
        String s = text.strip();
        String addr = s;
        String pfx = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            pfx = s.substring(slash + 1);
        }
        BigInteger ip;
        int bits;
        if (V4.matcher(addr).matches()) {
            ip = v4(addr);
            bits = 32;
        } else if (addr.contains(":") && V6.matcher(addr).matches()) {
            ip = v6(addr);
            bits = 128;
        } else {
            return null;
        }
        if (ip == null) return null;
        int prefix = bits;
        if (pfx != null) {
            if (pfx.matches("\\d{1,3}")) {
                prefix = Integer.parseInt(pfx);
            } else if (bits == 32 && V4.matcher(pfx).matches()) {
                BigInteger mask = v4(pfx);
                if (mask == null) return null;
                prefix = mask.bitCount();
                if (!mask.equals(maskOf(prefix, 32))) return null;
            } else {
                return null;
            }
            if (prefix > bits) return null;
        }
        return new IpNetwork(ip, prefix, bits);
    }

    /** True for a bare address (no prefix) of the given IP version, 4 or 6. */
    public static boolean isAddress(String text, int version) {
        IpNetwork n = text == null || !text.equals(text.strip()) || text.contains("/") ? null : parse(text);
        return n != null && n.version() == version;
    }

    /** "10.100.0.5/24" -> "10.100.0.0/24": a network of the given version in CIDR form, canonical; a {@link LangException} otherwise. */
    public static String canonicalNetwork(String cidr, int version) {
        int slash = cidr == null ? -1 : cidr.indexOf('/');
        IpNetwork n = slash < 0 || !isAddress(cidr.substring(0, slash), version) || !cidr.substring(slash + 1).matches("\\d{1,3}") ? null : parse(cidr);
        if (n == null) {
            throw new LangException("'" + cidr + "' is not an IPv" + version + " network in CIDR form (e.g. "
                    + (version == 4 ? "10.100.0.0/24" : "fd00::/64") + ")");
        }
        return n.cidr();
    }

    private static BigInteger v4(String s) {
        long v = 0;
        for (String part : s.split("\\.")) {
            int n = Integer.parseInt(part);
            if (n > 255) return null;
            v = (v << 8) | n;
        }
        return BigInteger.valueOf(v);
    }

    private static BigInteger v6(String s) {
        String addr = s;
        BigInteger tail = null;
        int tailGroups = 0;
        int lastColon = addr.lastIndexOf(':');
        if (addr.indexOf('.', lastColon) > 0) {
            tail = v4(addr.substring(lastColon + 1));
            if (tail == null || !V4.matcher(addr.substring(lastColon + 1)).matches()) return null;
            addr = addr.substring(0, lastColon + 1) + "0:0";
            tailGroups = 2;
        }
        String[] halves = addr.split("::", -1);
        if (halves.length > 2) return null;
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
        String[] rest = halves.length == 2 ? (halves[1].isEmpty() ? new String[0] : halves[1].split(":", -1)) : new String[0];
        int groups = head.length + rest.length;
        if (halves.length == 1 && groups != 8) return null;
        if (halves.length == 2 && groups > 7) return null;
        BigInteger v = BigInteger.ZERO;
        int filled = 0;
        for (String g : head) {
            if (g.isEmpty() || g.length() > 4) return null;
            v = v.shiftLeft(16).or(new BigInteger(g, 16));
            filled++;
        }
        for (int i = 0; i < 8 - groups; i++) {
            v = v.shiftLeft(16);
            filled++;
        }
        for (String g : rest) {
            if (g.isEmpty() || g.length() > 4) return null;
            v = v.shiftLeft(16).or(new BigInteger(g, 16));
            filled++;
        }
        if (filled != 8) return null;
        if (tail != null) v = v.shiftRight(16 * tailGroups).shiftLeft(16 * tailGroups).or(tail);
        return v;
    }

    public static BigInteger maskOf(int prefix, int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
            .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    public int version() {
        return bits == 32 ? 4 : 6;
    }

    public BigInteger mask() {
        return maskOf(prefix, bits);
    }

    public BigInteger network() {
        return ip.and(mask());
    }

    public BigInteger broadcast() {
        return network().or(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits - prefix);
    }

    public boolean contains(IpNetwork other) {
        return other.bits == bits && other.prefix >= prefix && other.ip.and(mask()).equals(network());
    }

    public String text(BigInteger value) {
        if (bits == 32) {
            long v = value.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') b.append(':');
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    public String ipText() {
        return text(ip);
    }

    public String cidr() {
        return text(network()) + "/" + prefix;
    }

    public boolean isPrivate() {
        if (bits == 32) {
            for (String n : new String[] {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8"}) {
                if (parse(n).contains(this)) return true;
            }
            return false;
        }
        return parse("fc00::/7").contains(this) || parse("fe80::/10").contains(this) || parse("::1/128").contains(this);
    }
}
