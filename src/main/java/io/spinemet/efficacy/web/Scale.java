package io.spinemet.efficacy.web;

/**
 * Maps a data interval onto a pixel interval, linearly or on a log scale:
 * {@code px = p0 + (t(v) - t(d0)) / (t(d1) - t(d0)) · (p1 - p0)} with {@code t} the identity or {@code ln}.
 */
record Scale(double d0, double d1, double p0, double p1, boolean log) {

    Scale {
        if (!(d1 > d0) || log && !(d0 > 0)) {
            throw new IllegalArgumentException("empty or invalid domain [" + d0 + ", " + d1 + "]");
        }
    }

    static Scale linear(double d0, double d1, double p0, double p1) {
        return new Scale(d0, d1, p0, p1, false);
    }

    static Scale log(double d0, double d1, double p0, double p1) {
        return new Scale(d0, d1, p0, p1, true);
    }

    double at(double v) {
        double t0 = t(d0);
        return p0 + (t(v) - t0) / (t(d1) - t0) * (p1 - p0);
    }

    boolean contains(double v) {
        return v >= d0 - 1e-12 && v <= d1 + 1e-12;
    }

    private double t(double v) {
        return log ? Math.log(v) : v;
    }
}
