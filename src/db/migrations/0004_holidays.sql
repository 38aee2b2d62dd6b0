-- 0004 节假日 the holiday calendar as data: public holidays (放假) and adjusted working days (调休上班, a Saturday or
-- Sunday worked instead). Admin-editable (GET/PUT /planning/holidays); a collision run without its own holiday list
-- takes the holidays of its period from here. A reference table (no enterprise_id): replicated on Citus.
CREATE TABLE public_holidays (
  day  date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL DEFAULT ''
);

-- 国务院办公厅关于2026年部分节假日安排的通知, dated 2025-11-04 (published by Xinhua on 4 November 2025)
INSERT INTO public_holidays (day, kind, name) VALUES
  ('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'), ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-15', 'holiday', '春节'), ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'), ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'), ('2026-02-22', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-04-04', 'holiday', '清明节'), ('2026-04-05', 'holiday', '清明节'), ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'), ('2026-05-02', 'holiday', '劳动节'), ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-06-19', 'holiday', '端午节'), ('2026-06-20', 'holiday', '端午节'), ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-09-25', 'holiday', '中秋节'), ('2026-09-26', 'holiday', '中秋节'), ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'), ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休上班');
