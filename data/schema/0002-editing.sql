-- Park Atlas schema 2: planners edit the plans.
--
-- * zone_places gains a third kind of outline, 'drawn' (a shape the planner drew), so the
--   table is rebuilt with the wider CHECK; its R*Tree index and triggers are rebuilt by
--   PaStore from gpkg_geometry_columns after this file runs.
-- * Every fact a planner can change records who entered it and when (entered_by,
--   entered_at; NULL for a fact exactly as its document states it).
-- * document_values keeps a cited fact's value as the document gives it, the first
--   time a planner changes it, so "文件原文: 500亿元" stays visible beside the new value.
-- * organisation_sites: where an enterprise or platform is, as a point feature layer.

CREATE TABLE zone_places_v2 (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  zone_id INTEGER NOT NULL REFERENCES zones(fid),
  name TEXT NOT NULL,
  outline TEXT NOT NULL CHECK (outline IN ('district', 'schematic', 'drawn')),
  district_code TEXT,              -- the district itself (outline = district)
  within_code TEXT,                -- the parent district (outline = schematic)
  center_lon DOUBLE,
  center_lat DOUBLE,
  radius_km DOUBLE,
  note TEXT,
  entered_by TEXT,
  entered_at TEXT
);
INSERT INTO zone_places_v2 (fid, geom, zone_id, name, outline, district_code, within_code,
                            center_lon, center_lat, radius_km, note)
  SELECT fid, geom, zone_id, name, outline, district_code, within_code,
         center_lon, center_lat, radius_km, note FROM zone_places;
DROP TABLE rtree_zone_places_geom;
DELETE FROM gpkg_extensions WHERE table_name = 'zone_places' AND extension_name = 'gpkg_rtree_index';
DROP TABLE zone_places;
ALTER TABLE zone_places_v2 RENAME TO zone_places;
CREATE INDEX zone_places_zone ON zone_places(zone_id);

-- a new zone goes last in its plan: max(sort_order) by index, not by reading every zone
CREATE INDEX zones_plan_order ON zones(plan_id, sort_order);
ALTER TABLE zones ADD COLUMN entered_by TEXT;
ALTER TABLE zones ADD COLUMN entered_at TEXT;
-- A target a planner enters has no citation: the NOT NULL becomes "cited or entered".
-- Other tables reference targets(id): PaStore runs this with foreign keys off and checks
-- them before keeping it (SQLite's procedure for changes ALTER TABLE cannot make).
CREATE TABLE targets_v2 (
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
  citation_id INTEGER REFERENCES citations(id),
  entered_by TEXT,
  entered_at TEXT,
  CHECK (citation_id IS NOT NULL OR entered_by IS NOT NULL)
);
INSERT INTO targets_v2 (id, plan_id, key, zone_id, programme_id, indicator, comparator, value,
                        value_text, unit, year, baseline_value, baseline_year, growth_rate,
                        increase, citation_id)
  SELECT id, plan_id, key, zone_id, programme_id, indicator, comparator, value, value_text, unit,
         year, baseline_value, baseline_year, growth_rate, increase, citation_id FROM targets;
DROP TABLE targets;
ALTER TABLE targets_v2 RENAME TO targets;
CREATE INDEX targets_plan ON targets(plan_id);
CREATE INDEX targets_zone ON targets(zone_id);
ALTER TABLE organisations ADD COLUMN industry TEXT;     -- what it makes or does, as a planner or an import gives it
ALTER TABLE organisations ADD COLUMN entered_by TEXT;
ALTER TABLE organisations ADD COLUMN entered_at TEXT;
ALTER TABLE zone_industries ADD COLUMN entered_by TEXT;
ALTER TABLE zone_industries ADD COLUMN entered_at TEXT;

-- Plans a planner makes have no source document, and a scenario names the plan it
-- varies. plans is rebuilt for the nullable document_id (foreign keys off, see above).
CREATE TABLE plans_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  layout TEXT NOT NULL,
  region TEXT,
  document_id INTEGER REFERENCES documents(id), -- NULL for a plan a planner made
  period_start INTEGER,            -- the plan's period, where the document states it
  period_end INTEGER,
  period_citation_id INTEGER REFERENCES citations(id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  scenario_of INTEGER REFERENCES plans(id), -- the plan this one is an alternative to
  entered_by TEXT,
  entered_at TEXT,
  CHECK (document_id IS NOT NULL OR entered_by IS NOT NULL)
);
INSERT INTO plans_v2 (id, slug, name, layout, region, document_id, period_start, period_end,
                      period_citation_id, sort_order)
  SELECT id, slug, name, layout, region, document_id, period_start, period_end,
         period_citation_id, sort_order FROM plans;
DROP TABLE plans;
ALTER TABLE plans_v2 RENAME TO plans;

CREATE TABLE document_values (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  column_name TEXT NOT NULL,
  value TEXT,                      -- as the document gives it
  UNIQUE (table_name, row_id, column_name)
);

CREATE TABLE organisation_sites (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom POINT,
  organisation_id INTEGER NOT NULL UNIQUE REFERENCES organisations(id),
  entered_by TEXT,
  entered_at TEXT
);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('document_values', 'attributes', 'document_values', 'Cited values as their documents give them, kept when a planner changes them');
INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
  ('organisation_sites', 'features', 'organisation_sites', 'Where enterprises and platforms are', 4326);
INSERT INTO gpkg_geometry_columns VALUES ('organisation_sites', 'geom', 'POINT', 4326, 0, 0);
