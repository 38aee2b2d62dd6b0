/**
 * 逢查必考题库 the question bank, by industry domain and role. Kept by the administrator. A question is never deleted once
 * a quiz may have used it: it is retired (active = false); recorded quizzes keep the questions as drawn.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { checkQuestion, type QuestionKind } from '../../core/inspection/quiz.ts';
import { industryDomain } from '../../core/reference/domains.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as repo from './questions.repo.ts';

const iso = (v: Date | string) => new Date(v).toISOString();
const arr = <T>(v: unknown): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v as T[]));

export function toQuestion(r: repo.QuestionRow) {
  return {
    id: r.id, industryDomain: r.industry_domain, role: r.role, kind: r.kind, stem: r.stem, options: arr<string>(r.options), answer: arr<number>(r.answer),
    explanation: r.explanation, active: r.active, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/** The bank is the administrator's; department people may read it (to prepare), nobody else. */
export const questionPolicy = {
  canRead: (p: Principal) => ['admin', 'coordinator', 'dept_head', 'inspector'].includes(p.role),
  canEdit: (p: Principal) => p.role === 'admin',
};

export async function listQuestions(db: Db, p: Principal, f: repo.QuestionFilter, page: number, pageSize: number) {
  if (!questionPolicy.canRead(p)) throw forbidden();
  const { items, total } = await repo.listQuestions(db, repo.questionWhere(f), pageSize, (page - 1) * pageSize);
  return { items: items.map(toQuestion), total, page, pageSize };
}

function check(v: repo.QuestionValues) {
  const issues = checkQuestion({ kind: v.kind as QuestionKind, stem: v.stem, options: v.options, answer: v.answer }).map((i) => ({ field: i.field, key: i.key as MessageKey, params: i.params }));
  if (v.industryDomain && !industryDomain(v.industryDomain)) issues.push({ field: 'industryDomain', key: 'domain.unknown', params: { value: v.industryDomain } });
  if (issues.length) throw invalid(issues);
}

export async function createQuestion(db: Db, p: Principal, v: repo.QuestionValues, now: Date) {
  if (!questionPolicy.canEdit(p)) throw forbidden();
  check(v);
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [id] = await repo.insertQuestions(tx, [v], p.userId, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'create', entityType: 'quiz_question', entityId: id!, after: v }], now);
    return id!;
  });
  return toQuestion((await repo.findQuestion(db, id))!);
}

export async function updateQuestion(db: Db, p: Principal, id: number, v: repo.QuestionValues, now: Date) {
  if (!questionPolicy.canEdit(p)) throw forbidden();
  const cur = await repo.findQuestion(db, id);
  if (!cur) throw notFound('question.unknown');
  check(v);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.updateQuestion(tx, id, v, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'update', entityType: 'quiz_question', entityId: id, before: toQuestion(cur), after: v }], now);
  });
  return toQuestion((await repo.findQuestion(db, id))!);
}
