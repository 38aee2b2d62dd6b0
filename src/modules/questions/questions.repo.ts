import type { SQL } from 'drizzle-orm';
import { one, rows, sql, type Db } from '../../db/client.ts';

export interface QuestionRow {
  id: number;
  industry_domain: string | null;
  role: 'principal' | 'safety_manager' | 'special_operator';
  kind: 'single' | 'multiple' | 'judge';
  stem: string;
  options: unknown;
  answer: unknown;
  explanation: string;
  active: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface QuestionFilter {
  role?: string;
  industryDomain?: string;
  active?: boolean;
  keyword?: string;
}

export function questionWhere(f: QuestionFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.role) parts.push(sql`q.role = ${f.role}`);
  if (f.industryDomain === 'all') parts.push(sql`q.industry_domain IS NULL`);
  else if (f.industryDomain) parts.push(sql`q.industry_domain = ${f.industryDomain}`);
  if (f.active !== undefined) parts.push(sql`q.active = ${f.active}`);
  if (f.keyword) parts.push(sql`q.stem LIKE ${`%${f.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return sql.join(parts, sql` AND `);
}

export async function listQuestions(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<QuestionRow>(db, sql`SELECT q.* FROM quiz_questions q WHERE ${where} ORDER BY q.role, q.industry_domain NULLS FIRST, q.id LIMIT ${limit} OFFSET ${offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM quiz_questions q WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

export const findQuestion = (db: Db, id: number) => one<QuestionRow>(db, sql`SELECT q.* FROM quiz_questions q WHERE q.id = ${id}`);

/** The pool of a quiz: active questions of the role, of the domain or of every domain. */
export const poolFor = (db: Db, role: string, domain: string) =>
  rows<QuestionRow>(db, sql`SELECT q.* FROM quiz_questions q WHERE q.active AND q.role = ${role} AND (q.industry_domain IS NULL OR q.industry_domain = ${domain}) ORDER BY q.id`);

export interface QuestionValues {
  industryDomain: string | null;
  role: string;
  kind: string;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
  active: boolean;
}

export async function insertQuestions(tx: Db, list: readonly QuestionValues[], by: number | null, now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < list.length; i += 200) {
    const r = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO quiz_questions (industry_domain, role, kind, stem, options, answer, explanation, active, created_by, created_at, updated_at) VALUES ${sql.join(
        list.slice(i, i + 200).map((q) => sql`(${q.industryDomain}, ${q.role}, ${q.kind}, ${q.stem}, ${JSON.stringify(q.options)}::jsonb, ${JSON.stringify(q.answer)}::jsonb,
          ${q.explanation}, ${q.active}, ${by}, ${now.toISOString()}, ${now.toISOString()})`),
        sql`, `,
      )} RETURNING id`,
    );
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

export async function updateQuestion(tx: Db, id: number, q: QuestionValues, now: Date) {
  await tx.execute(sql`UPDATE quiz_questions SET industry_domain = ${q.industryDomain}, role = ${q.role}, kind = ${q.kind}, stem = ${q.stem},
    options = ${JSON.stringify(q.options)}::jsonb, answer = ${JSON.stringify(q.answer)}::jsonb, explanation = ${q.explanation}, active = ${q.active},
    updated_at = ${now.toISOString()} WHERE id = ${id}`);
}
