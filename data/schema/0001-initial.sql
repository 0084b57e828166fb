-- Park Atlas schema 1: a GeoPackage 1.3 (OGC 12-128r18) with the plans' data.
-- Applied once to an empty database by PaStore, inside one transaction.
-- Spatial indexes (gpkg_rtree_index) for the feature tables are created by PaStore
-- from gpkg_geometry_columns, so their triggers are written in one place.

PRAGMA application_id = 1196444487; -- 'GPKG'
PRAGMA user_version = 10300;        -- GeoPackage 1.3; the app's own version is in pa_metadata

CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');

CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);

CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);

CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);

-- The app's own bookkeeping: schema_version drives the forward migrations.
CREATE TABLE pa_metadata (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  value TEXT
);

-- Source documents and the sentences that every fact cites.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  seed TEXT NOT NULL UNIQUE,       -- file name of the document
  title TEXT,                      -- NULL where the document gives none
  issuer TEXT,
  date TEXT,
  number TEXT                      -- 文号, where the document has one
);

CREATE TABLE citations (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  section TEXT NOT NULL,
  quote TEXT NOT NULL,
  UNIQUE (document_id, section, quote)
);

CREATE TABLE plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  layout TEXT NOT NULL,
  region TEXT,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  period_start INTEGER,            -- the plan's period, where the document states it
  period_end INTEGER,
  period_citation_id INTEGER REFERENCES citations(id),
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE roles (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  citation_id INTEGER REFERENCES citations(id),
  UNIQUE (plan_id, key)
);

-- Boundaries the zones are built from (see maps/README.md for their source and terms).
CREATE TABLE districts (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  code TEXT NOT NULL UNIQUE,       -- GB/T 2260
  name TEXT NOT NULL,
  city TEXT,
  source TEXT
);

-- Land polygons of the offline basemap (OpenStreetMap contributors, ODbL).
CREATE TABLE land (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  region TEXT,
  source TEXT,
  coverage TEXT                    -- "min_lon,min_lat,max_lon,max_lat": the box the data cover
);

CREATE TABLE zones (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  summary TEXT,
  places TEXT,                     -- display form, e.g. 牟平区、高新区
  schematic BOOLEAN NOT NULL DEFAULT 0, -- outline is 示意, not a surveyed boundary
  note TEXT,
  land_area DOUBLE,                -- where the document gives it
  land_area_unit TEXT,
  land_area_comparator TEXT,
  land_area_citation_id INTEGER REFERENCES citations(id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  citation_id INTEGER REFERENCES citations(id),
  UNIQUE (plan_id, key)
);

-- Where each zone's outline comes from: a whole district, or a schematic disc in one.
-- geom is that part's own outline, so a zone that is part real, part schematic can
-- show which part is which.
CREATE TABLE zone_places (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  zone_id INTEGER NOT NULL REFERENCES zones(fid),
  name TEXT NOT NULL,
  outline TEXT NOT NULL CHECK (outline IN ('district', 'schematic')),
  district_code TEXT,              -- the district itself (outline = district)
  within_code TEXT,                -- the parent district (outline = schematic)
  center_lon DOUBLE,
  center_lat DOUBLE,
  radius_km DOUBLE,
  note TEXT
);

CREATE TABLE industries (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE plan_industries (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  industry_id INTEGER NOT NULL REFERENCES industries(id),
  grp TEXT,                        -- e.g. 巩固 / 补短板 / 培育
  citation_id INTEGER REFERENCES citations(id)
);

CREATE TABLE zone_industries (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  zone_id INTEGER NOT NULL REFERENCES zones(fid),
  industry_id INTEGER NOT NULL REFERENCES industries(id),
  citation_id INTEGER REFERENCES citations(id)
);

CREATE TABLE programmes (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  zone_id INTEGER REFERENCES zones(fid),
  name TEXT NOT NULL,
  kind TEXT,
  lead TEXT,
  responsible TEXT,
  citation_id INTEGER REFERENCES citations(id)
);

CREATE TABLE targets (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  key TEXT,                        -- names the target in target_sums (unique in its plan)
  zone_id INTEGER REFERENCES zones(fid),
  programme_id INTEGER REFERENCES programmes(id),
  indicator TEXT NOT NULL,
  comparator TEXT,
  value DOUBLE,
  value_text TEXT,                 -- the document's words where it writes no digits (十, 近万, 全球第一)
  unit TEXT,
  year INTEGER,
  baseline_value DOUBLE,
  baseline_year INTEGER,
  growth_rate DOUBLE,              -- percent per year
  increase DOUBLE,
  citation_id INTEGER NOT NULL REFERENCES citations(id)
);

-- The plans' own arithmetic: targets that should add up to another target.
CREATE TABLE target_sums (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  total_target_id INTEGER NOT NULL REFERENCES targets(id),
  note TEXT
);

CREATE TABLE target_sum_parts (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  sum_id INTEGER NOT NULL REFERENCES target_sums(id),
  target_id INTEGER NOT NULL REFERENCES targets(id)
);

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  zone_id INTEGER REFERENCES zones(fid),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,              -- enterprise / institution / platform
  role TEXT,
  responsible TEXT,
  citation_id INTEGER REFERENCES citations(id)
);

CREATE INDEX zones_plan ON zones(plan_id);
CREATE INDEX targets_plan ON targets(plan_id);
CREATE INDEX targets_zone ON targets(zone_id);
CREATE INDEX organisations_plan ON organisations(plan_id);
CREATE INDEX zone_industries_zone ON zone_industries(zone_id);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
  ('zones', 'features', 'zones', 'Zones of the plans'' spatial layouts', 4326),
  ('districts', 'features', 'districts', 'County-level district boundaries', 4326),
  ('land', 'features', 'land', 'Land polygons of the offline basemap', 4326),
  ('zone_places', 'features', 'zone_places', 'Districts and schematic parts of each zone', 4326);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('pa_metadata', 'attributes', 'pa_metadata', 'Park Atlas schema version and settings'),
  ('documents', 'attributes', 'documents', 'Source policy documents'),
  ('citations', 'attributes', 'citations', 'Cited passages'),
  ('plans', 'attributes', 'plans', 'Spatial layouts'),
  ('roles', 'attributes', 'roles', 'Zone roles of each plan'),
  ('industries', 'attributes', 'industries', 'Industries and focus fields'),
  ('plan_industries', 'attributes', 'plan_industries', 'Industries of each plan'),
  ('zone_industries', 'attributes', 'zone_industries', 'Industries of each zone'),
  ('programmes', 'attributes', 'programmes', 'Programmes and tasks'),
  ('targets', 'attributes', 'targets', 'Quantitative targets'),
  ('target_sums', 'attributes', 'target_sums', 'Targets that should add up to another'),
  ('target_sum_parts', 'attributes', 'target_sum_parts', 'Parts of each target sum'),
  ('organisations', 'attributes', 'organisations', 'Enterprises, institutions and platforms');
INSERT INTO gpkg_geometry_columns VALUES
  ('zones', 'geom', 'MULTIPOLYGON', 4326, 0, 0),
  ('districts', 'geom', 'MULTIPOLYGON', 4326, 0, 0),
  ('land', 'geom', 'MULTIPOLYGON', 4326, 0, 0),
  ('zone_places', 'geom', 'MULTIPOLYGON', 4326, 0, 0);
