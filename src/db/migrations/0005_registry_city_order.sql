-- 0005 name order within a city. Enterprise names begin with their city (南京…, 苏州…, 泰兴…), so walking the name
-- index to page a city's or county's list reads every other city's names first. A stored city code (the first four
-- digits of the region) and an index (city_code, name, id) let "this city's enterprises by name" start where they are.
ALTER TABLE enterprises ADD COLUMN city_code text GENERATED ALWAYS AS (left(region_code, 4)) STORED;
CREATE INDEX enterprises_city_name_idx ON enterprises (city_code, name, id);
CREATE INDEX enterprises_city_updated_idx ON enterprises (city_code, updated_at DESC, id DESC);
