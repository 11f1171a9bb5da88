package meshplay.engine.lang;

import java.math.BigDecimal;

/** Python's text for a float (repr and str): 1.0, 0.1, 1e+16 written out, nan, inf. Used by str(), repr() and JSON. */
public final class PyFloat {
    private PyFloat() {
    }

    public static String repr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e16) return BigDecimal.valueOf(d).setScale(1).toPlainString();
        return Double.toString(d).contains("E") ? BigDecimal.valueOf(d).toPlainString() : Double.toString(d);
    }
}
