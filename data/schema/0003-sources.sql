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

-- The built-in plans' inferred zones (the same reasoning as data/plans/*.json), in a
-- database made before schema 3: matched by document file and zone key, scenario copies too.
WITH inferred (seed, key, reason) AS (VALUES
  ('001_c4dcbbf0e13eacd6.txt', 'fushan',
   '文件只说“同步推动福山区、招远市等其他区市若干“X”个特色产业园区协同集聚发展”，未给出园区的名称与位置；名称是描述性的，园区在福山区内的位置为整理者推定。'),
  ('001_c4dcbbf0e13eacd6.txt', 'zhaoyuan',
   '文件只说“同步推动福山区、招远市等其他区市若干“X”个特色产业园区协同集聚发展”，未给出园区的名称与位置；名称是描述性的，园区在招远市内的位置为整理者推定。'),
  ('002_772da566bbe32ddc.txt', 'north',
   '文件称“以新虹桥国际医学园区为核心的相关区域”，未给出范围；把华漕镇一并绘入是整理者推定：华漕镇是本片区的推进部门，并与园区共用2023年营收目标（“新虹桥国际医学园区及华漕镇医健产业”）。'),
  ('002_772da566bbe32ddc.txt', 'south',
   '文件未给出本片区的地点。推定位于闵行南部交大一带：所联动的交大医疗机器人产业研究院在上海交通大学闵行校区，推进部门为“南滨江”；所联动的马桥人工智能试验区为第二处。'),
  ('002_772da566bbe32ddc.txt', 'zhihui',
   '列于专栏1“建设特色片区”，与华理科技园梅陇基地并列；文件未明言其属于“X”个特色转化基地，这一角色为整理者归类。'),
  ('004_4d082a5c159c6605.txt', 'lingang',
   '布局句只列“张江、奉贤、金山、临港等重点区域”中的“临港”；文中唯一点名的临港园区是“临港奉贤园区”，故推定此“临港”指临港奉贤园区。浦东新区的临港（南汇新城）文中未点名，未绘出。'),
  ('000_fdb8064a671e48c8.txt', 'zhangjiang',
   '任务10只写“打造“一源多极、特色发展、协调联动”的群落式产业空间体系”，未点名“源”与“极”。推定张江为“源”：方案立足“张江药谷”与张江的平台、人才与研发优势，张江管理局是20项任务中13项的责任部门。'),
  ('000_fdb8064a671e48c8.txt', 'baoshuiqu',
   '任务10未点名“源”与“极”。依管理机构推定保税区为一“极”：保税区管理局是任务4、5、8、12、15、16的责任部门，任务8赋予保税区贸易便利化功能。'),
  ('000_fdb8064a671e48c8.txt', 'lingang',
   '任务10未点名“源”与“极”。依管理机构推定临港新片区为一“极”：临港新片区管委会列于任务10本身的责任部门，临港实验室为任务1的创新载体。'))
UPDATE zones SET inference = (SELECT i.reason FROM inferred i JOIN documents d ON d.seed = i.seed
                              JOIN plans p ON p.document_id = d.id
                              WHERE p.id = zones.plan_id AND i.key = zones.key)
  WHERE inference IS NULL AND EXISTS (SELECT 1 FROM inferred i JOIN documents d ON d.seed = i.seed
                                      JOIN plans p ON p.document_id = d.id
                                      WHERE p.id = zones.plan_id AND i.key = zones.key);
