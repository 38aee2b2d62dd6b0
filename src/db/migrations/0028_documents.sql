-- 0028 执法文书 enforcement documents (issue 6; docs/documents.md): the issued documents, their numbering counters,
-- the rendered PDFs, and each department's 机关简称/代字 for the numbers (（宁江）应急责改〔2026〕12号).
-- PostgreSQL 15 SQL. Scale-out (docs/scaling.md): documents and document_pdfs are enterprise-owned (distributed by
-- enterprise_id, co-located with enterprises); document_counters is a coordinator-local table (see below).

-- A department's own abbreviation and agency word in document numbers; NULL = derived (core/documents/abbreviation.ts:
-- 南京市应急管理局 → 宁, 江宁区应急管理局 → 宁江; 应急 for the emergency line). Admins set them.
ALTER TABLE departments ADD COLUMN document_abbreviation text
  CHECK (document_abbreviation IS NULL OR (char_length(document_abbreviation) BETWEEN 1 AND 10 AND document_abbreviation !~ '[（）()〔〕\s]'));
ALTER TABLE departments ADD COLUMN document_agency_word text
  CHECK (document_agency_word IS NULL OR (char_length(document_agency_word) BETWEEN 1 AND 10 AND document_agency_word !~ '[（）()〔〕\s]'));

-- 文号计数器: the last number issued per department, kind and year. Incremented by an upsert in the issuing transaction:
-- the row lock serialises issuers of the same department/kind/year (others do not wait), and a rolled-back issue rolls
-- its number back too, so numbers have no gaps and no duplicates (a sequence would leave gaps).
-- Coordinator-local on Citus, like audit_log: it is written on every issue, read only by the issuing transaction and
-- joined with nothing; a reference table would copy every increment to every worker under two-phase commit.
CREATE TABLE document_counters (
  department_id integer NOT NULL REFERENCES departments (id),
  kind          text NOT NULL,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  last_seq      integer NOT NULL CHECK (last_seq >= 1),
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (department_id, kind, year)
);

CREATE SEQUENCE documents_id_seq AS integer;

-- 执法文书: one row per issued document. `document` is the frozen content the PDF is drawn from (number, issuer,
-- enterprise snapshot, content, signatures); `content_hash` (sha256 of its canonical JSON) is in the audit chain.
CREATE TABLE documents (
  enterprise_id integer NOT NULL REFERENCES enterprises (id),
  id            integer NOT NULL DEFAULT nextval('documents_id_seq'),
  kind          text NOT NULL CHECK (kind IN ('inspection_record', 'onsite_measures', 'rectification_order', 'review_opinion',
                  'case_filing', 'penalty_notice', 'penalty_decision', 'criminal_transfer')),
  department_id integer NOT NULL REFERENCES departments (id),
  year          integer NOT NULL,
  seq           integer NOT NULL CHECK (seq >= 1),
  number        text NOT NULL,
  source_type   text NOT NULL CHECK (source_type IN ('inspection', 'hazard', 'case')),
  source_id     integer NOT NULL,
  issued_at     timestamptz NOT NULL,
  issued_by     integer REFERENCES users (id),
  document      jsonb NOT NULL,
  content_hash  text NOT NULL,
  PRIMARY KEY (enterprise_id, id)
);
ALTER SEQUENCE documents_id_seq OWNED BY documents.id;
CREATE UNIQUE INDEX documents_number_key ON documents (enterprise_id, department_id, kind, year, seq);
CREATE INDEX documents_source_idx ON documents (enterprise_id, source_type, source_id);
CREATE INDEX documents_issued_idx ON documents (issued_at DESC, id DESC);
CREATE INDEX documents_department_idx ON documents (department_id, issued_at DESC);
CREATE INDEX documents_id_idx ON documents (id);

-- The PDF of a document, kept from its first rendering on: the same bytes forever after (the file cache under the data
-- directory is only a copy of these). sha256 also names the cached file.
CREATE TABLE document_pdfs (
  enterprise_id integer NOT NULL,
  document_id   integer NOT NULL,
  sha256        text NOT NULL,
  size          integer NOT NULL,
  pages         integer NOT NULL,
  bytes         bytea NOT NULL,
  rendered_at   timestamptz NOT NULL,
  render_ms     integer NOT NULL,
  PRIMARY KEY (enterprise_id, document_id),
  FOREIGN KEY (enterprise_id, document_id) REFERENCES documents (enterprise_id, id)
);
