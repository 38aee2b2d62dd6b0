-- 0003 register paging at 1M rows: an index for every sort of the list, and code-prefix search.
-- 风险等级 sort order as a stored number, so "riskiest first" walks an index instead of sorting the subtree.
ALTER TABLE enterprises ADD COLUMN risk_rank smallint GENERATED ALWAYS AS (
  CASE risk_level WHEN 'red' THEN 1 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 3 ELSE 4 END
) STORED;
CREATE INDEX enterprises_risk_rank_idx ON enterprises (risk_rank, id);
CREATE INDEX enterprises_uscc_prefix_idx ON enterprises (uscc text_pattern_ops);
-- The region subtree is a range on region_code; these serve "filter X within a region" for lists and counts.
DROP INDEX enterprises_region_name_idx;
CREATE INDEX enterprises_region_sort_idx ON enterprises (region_code, id);
CREATE INDEX enterprises_risk_region_idx ON enterprises (risk_level, region_code);
CREATE INDEX enterprises_domain_region_idx ON enterprises (industry_domain, region_code);
CREATE INDEX enterprises_credit_region_idx ON enterprises (credit_grade, region_code);
CREATE INDEX enterprises_employees_idx ON enterprises (employees, id);
CREATE INDEX enterprises_credit_idx ON enterprises (credit_grade, id);
