// Constraints and indexes, applied before every import. Each statement is idempotent.
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT certification_id IF NOT EXISTS FOR (n:Certification) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE INDEX role_track IF NOT EXISTS FOR (n:Role) ON (n.track);
CREATE INDEX skill_category IF NOT EXISTS FOR (n:Skill) ON (n.category);
CREATE INDEX certification_vendor IF NOT EXISTS FOR (n:Certification) ON (n.vendor);
CREATE INDEX role_soc_code IF NOT EXISTS FOR (n:Role) ON (n.socCode);
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE;
CREATE INDEX wage_area IF NOT EXISTS FOR (n:Wage) ON (n.area);
CREATE INDEX wage_soc IF NOT EXISTS FOR (n:Wage) ON (n.soc);
CREATE INDEX wage_release IF NOT EXISTS FOR (n:Wage) ON (n.release);
CREATE FULLTEXT INDEX careergraph_search IF NOT EXISTS
FOR (n:Role|Skill|Certification) ON EACH [n.title, n.name, n.alternateTitlesText, n.vendor]
