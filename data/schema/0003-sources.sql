-- Schema 3: what the map claims.
-- * A document is shown by its title (short_title: the short form of a long one); one
--   without a title gets a description made from what its text says of itself, shown as
--   a description, not dressed as a title. The file name (seed) stays for reviewers.
-- * zones.inference: where the document does not itself state a zone's role or where it
--   lies, the compiler's reasoning; such a zone is shown as inferred (推定) everywhere.
-- * targets.baseline_citation_id: a baseline the document states in another sentence
--   (often in its running text), so the growth and increase checks can use it.
-- * zone_places.outline_from: the boundary an outline was drawn from when its name is
--   not the place's current one (蓬莱区 drawn from the pre-2020 蓬莱市).
-- * district_names: the current name of a district whose boundary data predate a change
--   of administrative division; labels and lists use it, the data's name stays.

ALTER TABLE documents ADD COLUMN short_title TEXT;
ALTER TABLE documents ADD COLUMN description TEXT;
ALTER TABLE zones ADD COLUMN inference TEXT;
ALTER TABLE targets ADD COLUMN baseline_citation_id INTEGER REFERENCES citations(id);
ALTER TABLE zone_places ADD COLUMN outline_from TEXT;

CREATE TABLE district_names (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, -- a GeoPackage attributes table's key
  code TEXT NOT NULL UNIQUE,       -- GB/T 2260 code in the boundary data
  name TEXT NOT NULL,              -- the name a reader knows today
  since INTEGER,                   -- year of the change
  note TEXT
);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('district_names', 'attributes', 'district_names', 'Current names of districts whose boundary data predate a change');
INSERT INTO district_names (code, name, since, note) VALUES
  ('370684', '蓬莱区', 2020, '2020年原蓬莱市与长岛县合并设立蓬莱区;边界数据为合并前的蓬莱市'),
  ('370634', '蓬莱区', 2020, '2020年原蓬莱市与长岛县合并设立蓬莱区;边界数据为合并前的长岛县'),
  ('440306', '宝安区、光明区', 2018, '2018年由宝安区析置光明区;边界数据为析置前的宝安区,含今光明区');

-- The built-in plans' documents, in a database made before titles were kept whole (the
-- same values as data/plans/*.json; a document the planner's database does not have is
-- left alone).
UPDATE documents SET short_title = '若干意见' WHERE seed = '001_c4dcbbf0e13eacd6.txt' AND title IS NOT NULL;
UPDATE documents SET short_title = '三年行动计划' WHERE seed = '002_772da566bbe32ddc.txt' AND title IS NOT NULL;
UPDATE documents SET short_title = '实施方案' WHERE seed = '003_8740e68513458e21.txt' AND title IS NOT NULL;
UPDATE documents SET short_title = '行动方案' WHERE seed = '000_fdb8064a671e48c8.txt' AND title IS NOT NULL;
UPDATE documents SET description = '上海市促进生物医药产业高质量发展行动方案解读（原文无标题）'
  WHERE seed = '004_4d082a5c159c6605.txt' AND title IS NULL;
