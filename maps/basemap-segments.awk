# maps/basemap-segments.awk — used by basemap.sh: GMT's multi-segment text (a "> …" header
# before each segment) as CSV, one WKT LINESTRING (or, with kind=POLYGON, a one-ring
# POLYGON) per segment, with the segment's GSHHG level when its header names one.
# Variables: tag (the first column's value), kind (LINESTRING or POLYGON).
BEGIN { print "tag,level,WKT"; n = 0 }
function flush(   i, min) {
    min = kind == "POLYGON" ? 4 : 2
    if (n >= min) {
        printf "%s,%d,\"%s(%s", tag, lvl, kind, (kind == "POLYGON" ? "(" : "")
        for (i = 1; i <= n; i++)
            printf "%s%s %s", (i > 1 ? "," : ""), x[i], y[i]
        printf "%s)\"\n", (kind == "POLYGON" ? ")" : "")
    }
    n = 0
}
/^>/ { flush(); lvl = match($0, /Level [0-9]+/) ? substr($0, RSTART + 6, RLENGTH - 6) : 0; next }
/^#/ { next }
NF >= 2 { n++; x[n] = $1; y[n] = $2 }
END { flush() }
