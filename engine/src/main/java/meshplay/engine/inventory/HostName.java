package meshplay.engine.inventory;

import meshplay.engine.error.UserError;
import meshplay.engine.yaml.Origin;
import meshplay.engine.yaml.YScalar;

/** A host as written in an inventory: "name" or "name:port" (a port sets ansible_port). IPv6 addresses are left whole. */
record HostName(String name, YScalar port) {
    static HostName parse(String written, Origin origin) {
        int colon = written.lastIndexOf(':');
        boolean onePortColon = colon > 0 && colon > written.lastIndexOf(']') && written.indexOf(':') == colon;
        if (!onePortColon) return new HostName(written, null);
        String digits = written.substring(colon + 1);
        Origin portOrigin = new Origin(origin.file(), origin.line(), origin.column() + colon + 1);
        if (!digits.matches("\\d{1,5}")) {
            throw new UserError(portOrigin, "invalid port '" + digits + "' after host name '" + written.substring(0, colon) + "'",
                    "write host:PORT with digits, or set ansible_port=PORT");
        }
        return new HostName(written.substring(0, colon), new YScalar(digits, Integer.parseInt(digits), false, portOrigin));
    }
}
