-- Schema 4: a continuous basemap, from the world down to district level.
-- The layers are built at set-up by maps/basemap.sh (maps/README.md says where each
-- comes from and under which licence) and copied in by the store when the file is
-- there; a database without them still opens and draws what it has (the land table).
-- Land comes in tiers: a tier is drawn from its min_zoom inside its coverage box, over
-- the coarser tiers; what is not land inside a drawn tier is water.

CREATE TABLE basemap_land (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON,
  tier INTEGER NOT NULL,           -- 0 world, 1 East Asia, 2 a region at full detail
  min_zoom INTEGER NOT NULL,       -- drawn from this web-map zoom on
  coverage TEXT NOT NULL,          -- "min_lon,min_lat,max_lon,max_lat": where the tier is known
  source TEXT
);

-- Rivers as lines (WDBII); lakes are holes in the land.
CREATE TABLE basemap_rivers (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTILINESTRING,
  tier INTEGER NOT NULL,           -- the land tier whose coverage and zooms it follows
  min_zoom INTEGER NOT NULL,
  source TEXT
);

CREATE TABLE basemap_borders (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTILINESTRING,
  kind TEXT NOT NULL CHECK (kind IN ('country', 'province')),
  min_zoom INTEGER NOT NULL,
  source TEXT
);

CREATE TABLE basemap_names (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom POINT,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('country', 'province', 'city', 'district')),
  rank INTEGER NOT NULL,           -- who keeps its place when two names clash (lower first)
  min_zoom INTEGER NOT NULL,
  source TEXT
);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
  ('basemap_land', 'features', 'basemap_land', 'Land of the basemap in tiers (world, East Asia, regions)', 4326),
  ('basemap_rivers', 'features', 'basemap_rivers', 'Rivers of the basemap', 4326),
  ('basemap_borders', 'features', 'basemap_borders', 'Country and province borders of the basemap', 4326),
  ('basemap_names', 'features', 'basemap_names', 'Place names of the basemap', 4326);
INSERT INTO gpkg_geometry_columns VALUES
  ('basemap_land', 'geom', 'MULTIPOLYGON', 4326, 0, 0),
  ('basemap_rivers', 'geom', 'MULTILINESTRING', 4326, 0, 0),
  ('basemap_borders', 'geom', 'MULTILINESTRING', 4326, 0, 0),
  ('basemap_names', 'geom', 'POINT', 4326, 0, 0);
