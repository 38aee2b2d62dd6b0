/**
 * The scale-out rule (PostgreSQL → Citus, distribution column enterprise_id), checked on the live schema after every
 * migration, so tables added later are held to it without being listed here:
 * - `enterprises` is distributed by its primary key (id);
 * - a table with an `enterprise_id` column is owned by an enterprise (co-located with it): its primary key, every
 *   unique constraint or unique index, and every foreign key to another enterprise-owned table include enterprise_id
 *   (on both sides, paired); a foreign key to `enterprises` itself goes from enterprise_id to id;
 * - the other tables are reference/global tables (regions, departments, users, …).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnDatabases } from '../support/harness.ts';
import { rows, sql, type Db } from '../../src/db/client.ts';

/**
 * Global tables where enterprise_id is an attribute, not ownership (nullable): a user's enterprise (企业安全员) and
 * the tag on a record of the one global audit chain. A table here with a NOT NULL enterprise_id fails the suite.
 */
const GLOBAL_WITH_ENTERPRISE_ATTRIBUTE = new Set(['users', 'audit_log']);

/**
 * Known foreign keys from a global table into the distributed tables. Citus refuses such keys (a reference table
 * cannot reference a distributed one): each must be dropped or moved when the register goes to Citus. The list may
 * shrink; it must not grow.
 */
const KNOWN_GLOBAL_TO_DISTRIBUTED = ['users(enterprise_id) → enterprises(id)'];

interface Fk {
  name: string;
  from: string;
  to: string;
  cols: string[];
  refCols: string[];
}

async function schemaOf(db: Db) {
  const tables = (
    await rows<{ t: string }>(
      db,
      sql`SELECT c.relname::text AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
    )
  ).map((r) => r.t);
  const enterpriseCols = await rows<{ t: string; notnull: boolean }>(
    db,
    sql`SELECT c.relname::text AS t, a.attnotnull AS notnull FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attname = 'enterprise_id' AND NOT a.attisdropped`,
  );
  const uniques = (
    await rows<{ t: string; idx: string; primary: boolean; cols: string | null; nkeys: number }>(
      db,
      sql`SELECT c.relname::text AS t, i.relname::text AS idx, ix.indisprimary AS primary, ix.indnatts::int AS nkeys,
          (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(att, ord)
            JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.att) AS cols
        FROM pg_index ix JOIN pg_class c ON c.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND ix.indisunique`,
    )
  ).map((u) => ({ ...u, cols: u.cols ? u.cols.split(',') : [] }));
  const fks: Fk[] = (
    await rows<{ name: string; from: string; to: string; cols: string; refcols: string }>(
      db,
      sql`SELECT con.conname::text AS name, c.relname::text AS "from", r.relname::text AS "to",
          (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(att, ord)
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att) AS cols,
          (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(att, ord)
            JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.att) AS refcols
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE con.contype = 'f' AND n.nspname = current_schema()`,
    )
  ).map((f) => ({ name: f.name, from: f.from, to: f.to, cols: f.cols.split(','), refCols: f.refcols.split(',') }));
  const owned = enterpriseCols.filter((c) => !GLOBAL_WITH_ENTERPRISE_ATTRIBUTE.has(c.t)).map((c) => c.t).sort();
  return { tables, enterpriseCols, uniques, fks, owned };
}

describeOnDatabases('schema scale-out rules', (env) => {
  test('the catalogue queries see the schema (guards against a rule that checks nothing)', async () => {
    const s = await schemaOf(env().database.db);
    for (const t of ['enterprises', 'regions', 'departments', 'users', 'audit_log']) assert.ok(s.tables.includes(t), t);
    assert.ok(s.uniques.some((u) => u.t === 'users' && u.cols.join() === 'username'), 'unique indexes are read with their columns');
    assert.ok(s.fks.some((f) => f.from === 'users' && f.to === 'regions'), 'foreign keys are read');
  });

  test('a table breaking the rule is caught (checked inside a rolled-back transaction)', async () => {
    const db = env().database.db;
    const Rollback = class extends Error {};
    await assert.rejects(
      db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await tx.execute(sql`CREATE TABLE rule_probe (id integer PRIMARY KEY, enterprise_id integer NOT NULL, code text UNIQUE)`);
        const s = await schemaOf(tx);
        assert.ok(s.owned.includes('rule_probe'), 'a new table with enterprise_id counts as enterprise-owned without being listed');
        const pk = s.uniques.find((u) => u.t === 'rule_probe' && u.primary);
        assert.deepEqual(pk?.cols, ['id']);
        assert.ok(s.uniques.some((u) => u.t === 'rule_probe' && !u.primary && u.cols.join() === 'code'));
        throw new Rollback();
      }),
      Rollback,
    );
  });

  test('enterprises is distributed by its primary key (id)', async () => {
    const s = await schemaOf(env().database.db);
    const pk = s.uniques.find((u) => u.t === 'enterprises' && u.primary);
    assert.deepEqual(pk?.cols, ['id']);
  });

  test('every enterprise-owned table has enterprise_id NOT NULL and in its primary key', async () => {
    const s = await schemaOf(env().database.db);
    const bad: string[] = [];
    for (const t of s.owned) {
      if (!s.enterpriseCols.find((c) => c.t === t)!.notnull) bad.push(`${t}: enterprise_id is nullable`);
      const pk = s.uniques.find((u) => u.t === t && u.primary);
      if (!pk) bad.push(`${t}: no primary key`);
      else if (!pk.cols.includes('enterprise_id')) bad.push(`${t}: primary key (${pk.cols.join(', ')}) lacks enterprise_id`);
    }
    assert.deepEqual(bad, []);
    for (const t of GLOBAL_WITH_ENTERPRISE_ATTRIBUTE) {
      const col = s.enterpriseCols.find((c) => c.t === t);
      if (col) assert.equal(col.notnull, false, `${t}.enterprise_id NOT NULL would make ${t} enterprise-owned: take it off the global list`);
    }
  });

  test('every unique constraint or unique index of an enterprise-owned table includes enterprise_id', async () => {
    const s = await schemaOf(env().database.db);
    const bad = s.uniques
      .filter((u) => s.owned.includes(u.t) && !u.cols.includes('enterprise_id'))
      .map((u) => `${u.t}.${u.idx} (${u.cols.join(', ') || 'expression'})`);
    assert.deepEqual(bad, []);
  });

  test('foreign keys between enterprise-owned tables pair enterprise_id on both sides; to enterprises they go enterprise_id → id', async () => {
    const s = await schemaOf(env().database.db);
    const bad: string[] = [];
    for (const f of s.fks) {
      if (!s.owned.includes(f.from)) continue;
      if (f.to === 'enterprises') {
        if (f.cols.join() !== 'enterprise_id' || f.refCols.join() !== 'id') bad.push(`${f.from}.${f.name}: (${f.cols}) → enterprises(${f.refCols})`);
      } else if (s.owned.includes(f.to)) {
        const i = f.cols.indexOf('enterprise_id');
        if (i < 0 || f.refCols[i] !== 'enterprise_id') bad.push(`${f.from}.${f.name}: (${f.cols}) → ${f.to}(${f.refCols})`);
      }
    }
    assert.deepEqual(bad, []);
  });

  test('reference and global tables: listed, and no new foreign key from them into the distributed tables', async (t) => {
    const s = await schemaOf(env().database.db);
    const distributed = new Set(['enterprises', ...s.owned]);
    const reference = s.tables.filter((x) => !distributed.has(x));
    t.diagnostic(`distributed (enterprise_id): enterprises, ${s.owned.join(', ')}`);
    t.diagnostic(`reference/global: ${reference.join(', ')}`);
    for (const x of ['regions', 'departments', 'users', 'sessions', 'audit_log', 'jobs', 'settings']) assert.ok(reference.includes(x), x);
    const intoDistributed = s.fks
      .filter((f) => !distributed.has(f.from) && distributed.has(f.to))
      .map((f) => `${f.from}(${f.cols}) → ${f.to}(${f.refCols})`)
      .sort();
    assert.deepEqual(intoDistributed, KNOWN_GLOBAL_TO_DISTRIBUTED);
  });
});
