/**
 * 逢查必考 on site: draw a quiz (the seed is drawn by the server with crypto and recorded — with the questions drawn —
 * in the database and the audit chain before the questions are shown), then take the answers and score them.
 * Idempotent: a retried draw with the same clientId answers the same quiz (a redraw for easier questions is impossible);
 * the same answers sent twice are accepted once, different ones refused.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { checkAnswers, drawQuestions, QUIZ_SIZE, scoreQuiz, type BankQuestion, type QuizRole } from '../../core/inspection/index.ts';
import { canonicalJson } from '../../core/audit/chain.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { poolFor } from '../questions/questions.repo.ts';
import { loadEditable } from './save-draft.ts';
import * as repo from './inspections.repo.ts';

export interface DrawInput {
  clientId: string;
  personClientId?: string;
  personName: string;
  role: QuizRole;
  count?: number;
}

export async function drawQuiz(db: Db, p: Principal, inspectionId: number, input: DrawInput, now: Date): Promise<{ quizId: number; created: boolean }> {
  const { i } = await loadEditable(db, p, inspectionId);
  const again = await repo.findQuizByClientId(db, i.enterprise_id, i.id, input.clientId);
  if (again) return { quizId: again.id, created: false };
  if (!input.personName.trim()) throw invalid([{ field: 'personName', key: 'field.required' }]);
  const pool: BankQuestion[] = (await poolFor(db, input.role, i.industry_domain)).map((q) => ({
    id: q.id, kind: q.kind, stem: q.stem, options: repo.jsonOf<string[]>(q.options, []), answer: repo.jsonOf<number[]>(q.answer, []),
    industryDomain: q.industry_domain, role: q.role, active: q.active,
  }));
  if (pool.length === 0) throw invalid([{ field: 'role', key: 'quiz.empty_pool' }], 'quiz.empty_pool');
  const seed = randomBytes(16).toString('hex');
  const drawn = drawQuestions(pool, input.count ?? QUIZ_SIZE, seed).map((q) => ({ id: q.id, kind: q.kind, stem: q.stem, options: q.options, answer: q.answer }));
  const quizId = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const id = await repo.insertQuiz(
      tx,
      { enterpriseId: i.enterprise_id, inspectionId: i.id, clientId: input.clientId, personClientId: input.personClientId ?? null, personName: input.personName.trim(), role: input.role, domain: i.industry_domain, seed, poolSize: pool.length, questions: drawn, total: drawn.length, drawnBy: p.userId },
      now,
    );
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'draw_quiz', entityType: 'inspection', entityId: i.id, enterpriseId: i.enterprise_id, after: { quizId: id, seed, role: input.role, person: input.personName.trim(), pool: pool.map((q) => q.id), drawn: drawn.map((q) => q.id) } },
    ], now);
    return id;
  });
  return { quizId, created: true };
}

export async function answerQuiz(db: Db, p: Principal, inspectionId: number, quizId: number, answers: (number[] | null)[], now: Date) {
  const { i } = await loadEditable(db, p, inspectionId);
  const q = await repo.findQuiz(db, i.enterprise_id, i.id, quizId);
  if (!q) throw notFound('quiz.unknown');
  if (q.score !== null) {
    if (canonicalJson(repo.jsonOf(q.answers, null)) === canonicalJson(answers)) return;
    throw conflict('quiz.already_answered');
  }
  const questions = repo.jsonOf<{ id: number; kind: 'single' | 'multiple' | 'judge'; stem: string; options: string[]; answer: number[] }[]>(q.questions, []);
  const issues = checkAnswers(questions, answers);
  if (issues.length) throw invalid(issues.map((x) => ({ field: x.field, key: x.key as MessageKey, params: x.params })));
  const s = scoreQuiz(questions, answers);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.saveAnswers(tx, i.enterprise_id, q.id, { answers, correct: s.correct, score: s.score, passed: s.passed }, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'answer_quiz', entityType: 'inspection', entityId: i.id, enterpriseId: i.enterprise_id, after: { quizId: q.id, answers, ...s } },
    ], now);
  });
}
