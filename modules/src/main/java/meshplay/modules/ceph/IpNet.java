package meshplay.modules.ceph;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP addresses and CIDR networks: validation, canonical network form, containment. */
public final class IpNet {
    private IpNet() {
    }

    /** True for a literal IPv4 (version 4) or IPv6 (version 6) address. */
    public static boolean isAddress(String text, int version) {
        if (text == null) return false;
        if (version == 4 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return false;
        if (version == 6 && !text.contains(":")) return false;
        try {
            byte[] b = InetAddress.getByName(text).getAddress();
            return b.length == (version == 4 ? 4 : 16);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** "10.100.0.5/24" -> "10.100.0.0/24"; throws IllegalArgumentException naming the problem. */
    public static String canonicalNetwork(String cidr, int version) {
        String[] parts = cidr == null ? new String[0] : cidr.split("/", -1);
        if (parts.length != 2 || !isAddress(parts[0], version) || !parts[1].matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IPv" + version + " network in CIDR form (e.g. "
                    + (version == 4 ? "10.100.0.0/24" : "fd00::/64") + ")");
        }
        int bits = version == 4 ? 32 : 128;
        int len = Integer.parseInt(parts[1]);
        if (len > bits) throw new IllegalArgumentException("'" + cidr + "' has a prefix length above " + bits);
        try {
            byte[] addr = InetAddress.getByName(parts[0]).getAddress();
            BigInteger value = new BigInteger(1, addr);
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE));
            byte[] raw = value.and(mask).toByteArray();
            byte[] out = new byte[bits / 8];
            int copy = Math.min(raw.length, out.length);
            System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
            String host = InetAddress.getByAddress(out).getHostAddress();
            if (version == 6) host = compressV6(host);
            return host + "/" + len;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not a valid network");
        }
    }

    /** Java prints IPv6 uncompressed (0:0:...); PVE and Python print the RFC 5952 short form. */
    public static String compressV6(String full) {
        String[] groups = full.split(":");
        for (int i = 0; i < groups.length; i++) groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) j++;
            if (j - i > bestLen && j - i > 1) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestStart < 0) return String.join(":", groups);
        String left = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String right = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return left + "::" + right;
    }
}
