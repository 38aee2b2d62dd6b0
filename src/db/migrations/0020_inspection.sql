-- 0020 on-site inspection, the hazard ledger and its closed loop, enforcement cases (issue 6). PostgreSQL 15 SQL.
-- Scale-out (docs/scaling.md, TEAM rules): every table whose rows belong to one enterprise carries enterprise_id NOT NULL,
-- primary key (enterprise_id, id), unique keys with enterprise_id, foreign keys between them paired on enterprise_id.
-- quiz_questions, hazard_escalation_rules (reference: small, admin-edited) and scheduled_runs (coordinator-local) are
-- global; none of them points into an enterprise-owned table.

-- 逢查必考 question bank, by industry domain (NULL: every domain) and the role quizzed.
CREATE TABLE quiz_questions (
  id              serial PRIMARY KEY,
  industry_domain text,
  role            text NOT NULL CHECK (role IN ('principal', 'safety_manager', 'special_operator')),
  kind            text NOT NULL CHECK (kind IN ('single', 'multiple', 'judge')),
  stem            text NOT NULL,
  options         jsonb NOT NULL,
  answer          jsonb NOT NULL,
  explanation     text NOT NULL DEFAULT '',
  active          boolean NOT NULL DEFAULT true,
  created_by      integer REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quiz_questions_pool_idx ON quiz_questions (role, industry_domain) WHERE active;

-- 超期升级规则 escalation of overdue hazards, as data an admin edits (core/hazards/escalation.ts explains the steps).
CREATE TABLE hazard_escalation_rules (
  level        text NOT NULL CHECK (level IN ('general', 'major')),
  step         smallint NOT NULL CHECK (step BETWEEN 1 AND 4),
  days_overdue integer NOT NULL CHECK (days_overdue BETWEEN 1 AND 365),
  PRIMARY KEY (level, step)
);
INSERT INTO hazard_escalation_rules (level, step, days_overdue) VALUES
  ('general', 1, 1), ('general', 2, 7), ('general', 3, 15),
  ('major', 1, 1), ('major', 2, 3), ('major', 3, 7), ('major', 4, 15);

-- 周期任务 one row per task and period: the row is the claim, so a task runs once per period across server processes.
CREATE TABLE scheduled_runs (
  task        text NOT NULL,
  period_key  text NOT NULL,
  status      text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  started_at  timestamptz NOT NULL,
  finished_at timestamptz,
  worker      text NOT NULL DEFAULT '',
  result      jsonb,
  error       text,
  PRIMARY KEY (task, period_key)
);
CREATE INDEX scheduled_runs_recent_idx ON scheduled_runs (task, started_at DESC);

-- 现场检查记录 an inspection: planned (from a published visit) or unplanned (with its reason), by one department.
CREATE TABLE inspections (
  enterprise_id  integer NOT NULL REFERENCES enterprises (id),
  id             serial,
  client_id      text NOT NULL,
  code           text NOT NULL,
  department_id  integer NOT NULL REFERENCES departments (id),
  kind           text NOT NULL CHECK (kind IN ('planned', 'unplanned')),
  visit_id       integer,
  reason         text CHECK (reason IN ('complaint', 'campaign', 'follow_up', 'other')),
  reason_note    text NOT NULL DEFAULT '',
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signing', 'signed', 'cancelled')),
  place          text NOT NULL DEFAULT '',
  summary        text NOT NULL DEFAULT '',
  -- 现场处理措施 [{ kind, description }]
  measures       jsonb NOT NULL DEFAULT '[]'::jsonb,
  started_by     integer NOT NULL REFERENCES users (id),
  started_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  signed_at      timestamptz,
  -- the hash every signature binds to (core/inspection/content-hash.ts); also in the audit chain
  content_hash   text,
  version        integer NOT NULL DEFAULT 1,
  PRIMARY KEY (enterprise_id, id),
  UNIQUE (enterprise_id, client_id),
  FOREIGN KEY (enterprise_id, visit_id) REFERENCES visits (enterprise_id, id),
  CHECK ((kind = 'planned') = (visit_id IS NOT NULL)),
  CHECK (kind = 'planned' OR reason IS NOT NULL)
);
-- one open record per department per visit
CREATE UNIQUE INDEX inspections_visit_department_key ON inspections (enterprise_id, visit_id, department_id)
  WHERE visit_id IS NOT NULL AND status <> 'cancelled';
CREATE INDEX inspections_department_idx ON inspections (department_id, started_at DESC);
CREATE INDEX inspections_status_idx ON inspections (status, started_at DESC) WHERE status IN ('draft', 'signing');

CREATE TABLE inspection_team (
  enterprise_id integer NOT NULL,
  inspection_id integer NOT NULL,
  user_id       integer NOT NULL REFERENCES users (id),
  PRIMARY KEY (enterprise_id, inspection_id, user_id),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id)
);
CREATE INDEX inspection_team_user_idx ON inspection_team (user_id);

-- the checklist, each item pinned to the library row (version) it was composed from, with its result and finding
CREATE TABLE inspection_checklist (
  enterprise_id integer NOT NULL,
  inspection_id integer NOT NULL,
  id            serial,
  position      integer NOT NULL,
  item_id       integer NOT NULL REFERENCES inspection_items (id),
  code          text NOT NULL,
  version       integer NOT NULL,
  text          text NOT NULL,
  legal_basis   text NOT NULL DEFAULT '',
  major_hazard  boolean NOT NULL,
  must_check    boolean NOT NULL,
  origin        text NOT NULL CHECK (origin IN ('plan', 'criteria')),
  result        text CHECK (result IN ('compliant', 'hazard', 'not_applicable')),
  note          text NOT NULL DEFAULT '',
  -- { description, location, level, deadline, responsiblePerson, fixedOnSite }
  finding       jsonb,
  updated_by    integer REFERENCES users (id),
  updated_at    timestamptz,
  PRIMARY KEY (enterprise_id, id),
  UNIQUE (enterprise_id, inspection_id, code),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id)
);

-- 逢查必检 people and certificates checked
CREATE TABLE inspection_people (
  enterprise_id           integer NOT NULL,
  inspection_id           integer NOT NULL,
  id                      serial,
  client_id               text NOT NULL,
  name                    text NOT NULL,
  id_number               text NOT NULL,
  role                    text NOT NULL CHECK (role IN ('principal', 'safety_manager', 'special_operator', 'other')),
  certificate_category    text NOT NULL,
  certificate_number      text NOT NULL DEFAULT '',
  certificate_valid_until date,
  result                  text NOT NULL CHECK (result IN ('valid', 'expired', 'missing', 'mismatch')),
  note                    text NOT NULL DEFAULT '',
  updated_by              integer REFERENCES users (id),
  updated_at              timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, id),
  UNIQUE (enterprise_id, inspection_id, client_id),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id)
);

-- 逢查必考 one quiz: the seed drawn (crypto) and recorded before the questions were shown, the questions as drawn
-- (a snapshot: editing the bank later does not change a recorded quiz), the answers and the score
CREATE TABLE quiz_attempts (
  enterprise_id     integer NOT NULL,
  inspection_id     integer NOT NULL,
  id                serial,
  client_id         text NOT NULL,
  person_client_id  text,
  person_name       text NOT NULL,
  role              text NOT NULL CHECK (role IN ('principal', 'safety_manager', 'special_operator')),
  industry_domain   text NOT NULL,
  seed              text NOT NULL,
  pool_size         integer NOT NULL,
  questions         jsonb NOT NULL,
  answers           jsonb,
  correct           integer,
  total             integer NOT NULL,
  score             integer,
  passed            boolean,
  drawn_by          integer NOT NULL REFERENCES users (id),
  drawn_at          timestamptz NOT NULL,
  answered_at       timestamptz,
  PRIMARY KEY (enterprise_id, id),
  UNIQUE (enterprise_id, inspection_id, client_id),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id)
);

-- 签名 each signature binds to the content hash as signed; the PNG is kept in the file store by its hash
CREATE TABLE inspection_signatures (
  enterprise_id integer NOT NULL,
  inspection_id integer NOT NULL,
  id            serial,
  signer_role   text NOT NULL CHECK (signer_role IN ('inspector', 'enterprise')),
  user_id       integer REFERENCES users (id),
  signer_name   text NOT NULL,
  signer_title  text NOT NULL DEFAULT '',
  refused       boolean NOT NULL DEFAULT false,
  witness       text NOT NULL DEFAULT '',
  note          text NOT NULL DEFAULT '',
  image_sha256  text,
  content_hash  text NOT NULL,
  recorded_by   integer NOT NULL REFERENCES users (id),
  signed_at     timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id),
  CHECK (signer_role = 'enterprise' OR user_id IS NOT NULL)
);
CREATE UNIQUE INDEX inspection_signatures_inspector_key ON inspection_signatures (enterprise_id, inspection_id, user_id) WHERE signer_role = 'inspector';
CREATE UNIQUE INDEX inspection_signatures_enterprise_key ON inspection_signatures (enterprise_id, inspection_id) WHERE signer_role = 'enterprise';

-- 自查自改 an enterprise's self-inspection (its findings become hazards of source self_inspection)
CREATE TABLE self_inspections (
  enterprise_id integer NOT NULL REFERENCES enterprises (id),
  id            serial,
  client_id     text NOT NULL,
  title         text NOT NULL,
  conducted_on  date NOT NULL,
  participants  text NOT NULL DEFAULT '',
  summary       text NOT NULL DEFAULT '',
  created_by    integer NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, id),
  UNIQUE (enterprise_id, client_id)
);

-- 隐患台账 the hazard ledger. region_code, city_code, industry_domain, enterprise_name and department_id are copies kept
-- true (the register's edits and a periodic check) so that the ledger filters without joining: 1M rows, page < 50 ms.
CREATE TABLE hazards (
  enterprise_id      integer NOT NULL REFERENCES enterprises (id),
  id                 serial,
  code               text NOT NULL,
  source             text NOT NULL CHECK (source IN ('inspection', 'self_inspection', 'public_report', 'grid_patrol')),
  source_ref         text NOT NULL DEFAULT '',
  inspection_id      integer,
  checklist_id       integer,
  self_inspection_id integer,
  item_id            integer REFERENCES inspection_items (id),
  item_code          text,
  item_text          text NOT NULL DEFAULT '',
  legal_basis        text NOT NULL DEFAULT '',
  level              text NOT NULL CHECK (level IN ('general', 'major')),
  state              text NOT NULL CHECK (state IN ('reported', 'confirmed', 'rectifying', 'submitted', 'closed', 'dismissed')),
  description        text NOT NULL,
  location           text NOT NULL DEFAULT '',
  found_by           integer REFERENCES users (id),
  found_by_name      text NOT NULL,
  found_at           timestamptz NOT NULL,
  deadline           date,
  responsible_person text NOT NULL DEFAULT '',
  -- 五定 { measures, responsiblePeople, funds, deadline, contingencyPlan }
  five_fixes         jsonb NOT NULL DEFAULT '{"measures":"","responsiblePeople":"","funds":null,"deadline":null,"contingencyPlan":""}'::jsonb,
  submitted_by       integer REFERENCES users (id),
  submitted_at       timestamptz,
  closed_at          timestamptz,
  closed_by          integer REFERENCES users (id),
  closed_on_time     boolean,
  escalation_step    smallint NOT NULL DEFAULT 0 CHECK (escalation_step BETWEEN 0 AND 4),
  escalated_at       timestamptz,
  region_code        text NOT NULL,
  city_code          text GENERATED ALWAYS AS (left(region_code, 4)) STORED,
  industry_domain    text NOT NULL,
  enterprise_name    text NOT NULL,
  department_id      integer REFERENCES departments (id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id),
  FOREIGN KEY (enterprise_id, checklist_id) REFERENCES inspection_checklist (enterprise_id, id),
  FOREIGN KEY (enterprise_id, self_inspection_id) REFERENCES self_inspections (enterprise_id, id)
);
CREATE UNIQUE INDEX hazards_checklist_key ON hazards (enterprise_id, checklist_id) WHERE checklist_id IS NOT NULL;
CREATE INDEX hazards_id_idx ON hazards (id);
-- the ledger: newest first within a city (and its counties), by state; overdue ones by deadline; counts by state
CREATE INDEX hazards_city_found_idx ON hazards (city_code, found_at DESC, id DESC);
CREATE INDEX hazards_city_state_found_idx ON hazards (city_code, state, found_at DESC, id DESC);
CREATE INDEX hazards_found_idx ON hazards (found_at DESC, id DESC);
CREATE INDEX hazards_state_found_idx ON hazards (state, found_at DESC, id DESC);
CREATE INDEX hazards_open_deadline_idx ON hazards (city_code, deadline, id) WHERE state IN ('reported', 'confirmed', 'rectifying', 'submitted');
CREATE INDEX hazards_department_idx ON hazards (department_id, state, found_at DESC);
CREATE INDEX hazards_region_idx ON hazards (region_code, state);
-- a domain (or a line's domains) within a city, newest first; major hazards by state
CREATE INDEX hazards_city_domain_found_idx ON hazards (city_code, industry_domain, found_at DESC, id DESC);
CREATE INDEX hazards_city_major_idx ON hazards (city_code, state, found_at DESC, id DESC) WHERE level = 'major';
-- the counts by state of a city read only this index (index-only scan): every column the summary filters or counts
CREATE INDEX hazards_summary_idx ON hazards (city_code, region_code, state, level, deadline, closed_on_time, department_id, industry_domain, source);
CREATE INDEX hazards_escalation_idx ON hazards (city_code, escalation_step) WHERE escalation_step > 0 AND state IN ('reported', 'confirmed', 'rectifying', 'submitted');

-- the timeline of a hazard: every transition, 五定 edit, escalation
CREATE TABLE hazard_events (
  enterprise_id integer NOT NULL,
  hazard_id     integer NOT NULL,
  id            serial,
  action        text NOT NULL,
  from_state    text,
  to_state      text,
  actor_id      integer REFERENCES users (id),
  actor_name    text NOT NULL,
  note          text NOT NULL DEFAULT '',
  data          jsonb,
  at            timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, hazard_id) REFERENCES hazards (enterprise_id, id)
);
CREATE INDEX hazard_events_hazard_idx ON hazard_events (enterprise_id, hazard_id, id);

-- 照片 photo metadata (the bytes are in the content-addressed file store); server-timestamped
CREATE TABLE photos (
  enterprise_id      integer NOT NULL REFERENCES enterprises (id),
  id                 serial,
  client_id          text,
  sha256             text NOT NULL,
  thumb_sha256       text NOT NULL,
  mime               text NOT NULL,
  width              integer NOT NULL,
  height             integer NOT NULL,
  bytes              integer NOT NULL,
  original_name      text NOT NULL DEFAULT '',
  taken_at           timestamptz,
  received_at        timestamptz NOT NULL,
  uploaded_by        integer NOT NULL REFERENCES users (id),
  purpose            text NOT NULL CHECK (purpose IN ('finding', 'before', 'after', 'evidence')),
  inspection_id      integer,
  checklist_id       integer,
  hazard_id          integer,
  hazard_event_id    integer,
  self_inspection_id integer,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id),
  FOREIGN KEY (enterprise_id, hazard_id) REFERENCES hazards (enterprise_id, id)
);
CREATE UNIQUE INDEX photos_client_key ON photos (enterprise_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX photos_id_idx ON photos (id);
CREATE INDEX photos_inspection_idx ON photos (enterprise_id, inspection_id) WHERE inspection_id IS NOT NULL;
CREATE INDEX photos_hazard_idx ON photos (enterprise_id, hazard_id) WHERE hazard_id IS NOT NULL;

-- 执法案件 enforcement cases
CREATE TABLE cases (
  enterprise_id        integer NOT NULL REFERENCES enterprises (id),
  id                   serial,
  code                 text NOT NULL,
  department_id        integer NOT NULL REFERENCES departments (id),
  inspection_id        integer,
  title                text NOT NULL,
  facts                text NOT NULL DEFAULT '',
  legal_basis          text NOT NULL DEFAULT '',
  party_name           text NOT NULL,
  party_person         text NOT NULL DEFAULT '',
  party_person_role    text NOT NULL DEFAULT '',
  step                 text NOT NULL DEFAULT 'filed' CHECK (step IN ('filed', 'investigating', 'notified', 'decided', 'executing', 'closed')),
  filed_by             integer NOT NULL REFERENCES users (id),
  filed_at             timestamptz NOT NULL,
  notified_on          date,
  decided_on           date,
  closed_on            date,
  statement_waived     boolean NOT NULL DEFAULT false,
  dual_penalty_waiver  text NOT NULL DEFAULT '',
  closing_note         text NOT NULL DEFAULT '',
  -- 行刑衔接 { agency, suspectedOffence, summary, transferredOn, receiptNo }
  transfer             jsonb,
  region_code          text NOT NULL,
  city_code            text GENERATED ALWAYS AS (left(region_code, 4)) STORED,
  industry_domain      text NOT NULL,
  enterprise_name      text NOT NULL,
  updated_at           timestamptz NOT NULL,
  version              integer NOT NULL DEFAULT 1,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, inspection_id) REFERENCES inspections (enterprise_id, id)
);
CREATE INDEX cases_id_idx ON cases (id);
CREATE INDEX cases_city_idx ON cases (city_code, filed_at DESC);
CREATE INDEX cases_department_idx ON cases (department_id, step);

CREATE TABLE case_hazards (
  enterprise_id integer NOT NULL,
  case_id       integer NOT NULL,
  hazard_id     integer NOT NULL,
  PRIMARY KEY (enterprise_id, case_id, hazard_id),
  FOREIGN KEY (enterprise_id, case_id) REFERENCES cases (enterprise_id, id),
  FOREIGN KEY (enterprise_id, hazard_id) REFERENCES hazards (enterprise_id, id)
);
CREATE INDEX case_hazards_hazard_idx ON case_hazards (enterprise_id, hazard_id);

CREATE TABLE case_measures (
  enterprise_id integer NOT NULL,
  case_id       integer NOT NULL,
  id            serial,
  kind          text NOT NULL CHECK (kind IN ('order_correction', 'on_site_measure', 'suspend_production', 'close_down', 'fine_unit', 'fine_person', 'joint_punishment')),
  amount        integer,
  person_name   text NOT NULL DEFAULT '',
  person_role   text NOT NULL DEFAULT '',
  description   text NOT NULL DEFAULT '',
  executed      boolean NOT NULL DEFAULT false,
  executed_on   date,
  created_by    integer NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, case_id) REFERENCES cases (enterprise_id, id)
);
CREATE INDEX case_measures_case_idx ON case_measures (enterprise_id, case_id);

-- 调查取证 evidence gathered (询问笔录, 勘验笔录, 照片, 书证 …)
CREATE TABLE case_evidence (
  enterprise_id integer NOT NULL,
  case_id       integer NOT NULL,
  id            serial,
  kind          text NOT NULL,
  description   text NOT NULL,
  collected_on  date NOT NULL,
  created_by    integer NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, case_id) REFERENCES cases (enterprise_id, id)
);
CREATE INDEX case_evidence_case_idx ON case_evidence (enterprise_id, case_id);

CREATE TABLE case_events (
  enterprise_id integer NOT NULL,
  case_id       integer NOT NULL,
  id            serial,
  action        text NOT NULL,
  from_step     text,
  to_step       text,
  actor_id      integer REFERENCES users (id),
  actor_name    text NOT NULL,
  note          text NOT NULL DEFAULT '',
  data          jsonb,
  at            timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, id),
  FOREIGN KEY (enterprise_id, case_id) REFERENCES cases (enterprise_id, id)
);
CREATE INDEX case_events_case_idx ON case_events (enterprise_id, case_id, id);
