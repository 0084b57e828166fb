-- Schema 5: organisations found by their zone. Loading a plan reads each zone's
-- organisations; without this index every one of those reads scanned the whole table
-- (10,000 zones × every enterprise: most of the load of a plan of 10,000 zones).
CREATE INDEX organisations_zone ON organisations(zone_id);
