/**
 * 逢查必考 (seed 002 action 7: "开展精准执法，推行逢查必考"): questions drawn at random from the bank by domain and role,
 * the person's answers, the score. The draw is a pure function of the pool and a seed the server draws (crypto) and
 * records before the questions are shown — so a draw can be replayed and shown to be random, not picked.
 */
import { rngFromSeed } from '../collision/prng.ts';
import type { QuizRole } from './model.ts';
import type { Issue } from './results.ts';

/** single 单选 · multiple 多选 · judge 判断 (options 正确/错误) */
export type QuestionKind = 'single' | 'multiple' | 'judge';

export interface Question {
  id: number;
  kind: QuestionKind;
  stem: string;
  options: string[];
  /** indices into options */
  answer: number[];
}

export interface BankQuestion extends Question {
  /** null: every domain */
  industryDomain: string | null;
  role: QuizRole;
  active: boolean;
}

/** A quiz has this many questions unless the bank holds fewer; 80 points of 100 pass. */
export const QUIZ_SIZE = 5;
export const PASS_MARK = 80;

/** The pool for a person: active questions of their role, of the enterprise's domain or of every domain. */
export function quizPool(bank: readonly BankQuestion[], role: QuizRole, domain: string): BankQuestion[] {
  return bank.filter((q) => q.active && q.role === role && (q.industryDomain === null || q.industryDomain === domain)).sort((a, b) => a.id - b.id);
}

/** Fisher–Yates over the pool in id order, driven by the seed; the first `count` are the quiz. */
export function drawQuestions<Q extends Question>(pool: readonly Q[], count: number, seed: string): Q[] {
  const a = [...pool].sort((x, y) => x.id - y.id);
  const rng = rngFromSeed(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, Math.max(0, Math.min(count, a.length)));
}

export interface QuizScore {
  correct: number;
  total: number;
  /** 0..100, rounded */
  score: number;
  passed: boolean;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** An unanswered question is wrong; a multiple-choice question is right only with exactly the right options. */
export function scoreQuiz(questions: readonly Question[], answers: readonly (readonly number[] | null)[]): QuizScore {
  let correct = 0;
  questions.forEach((q, i) => {
    const a = answers[i];
    if (a && sameSet(a, q.answer)) correct++;
  });
  const total = questions.length;
  const score = total ? Math.round((correct / total) * 100) : 0;
  return { correct, total, score, passed: total > 0 && score >= PASS_MARK };
}

/** Checks answers against the questions they answer (one per question, indices in range, one choice where one is asked). */
export function checkAnswers(questions: readonly Question[], answers: readonly (readonly number[] | null)[]): Issue[] {
  const issues: Issue[] = [];
  if (answers.length !== questions.length) issues.push({ field: 'answers', key: 'quiz.answer_count', params: { count: questions.length } });
  answers.forEach((a, i) => {
    const q = questions[i];
    if (!q || !a) return;
    if (a.some((x) => !Number.isInteger(x) || x < 0 || x >= q.options.length) || new Set(a).size !== a.length) {
      issues.push({ field: `answers.${i}`, key: 'quiz.answer_out_of_range' });
    } else if (q.kind !== 'multiple' && a.length > 1) issues.push({ field: `answers.${i}`, key: 'quiz.one_answer' });
  });
  return issues;
}

/** A question as an admin writes it: a stem, 2–8 options (判断: exactly 2), the right answer(s). */
export function checkQuestion(q: Pick<Question, 'kind' | 'stem' | 'options' | 'answer'>): Issue[] {
  const issues: Issue[] = [];
  if (!q.stem.trim()) issues.push({ field: 'stem', key: 'field.required' });
  const n = q.options.length;
  if (q.kind === 'judge' ? n !== 2 : n < 2 || n > 8) issues.push({ field: 'options', key: q.kind === 'judge' ? 'quiz.judge_two_options' : 'quiz.option_count' });
  q.options.forEach((o, i) => {
    if (!o.trim()) issues.push({ field: `options.${i}`, key: 'field.required' });
  });
  if (q.answer.length === 0) issues.push({ field: 'answer', key: 'field.required' });
  else if (q.answer.some((x) => !Number.isInteger(x) || x < 0 || x >= n) || new Set(q.answer).size !== q.answer.length) {
    issues.push({ field: 'answer', key: 'quiz.answer_out_of_range' });
  } else if (q.kind !== 'multiple' && q.answer.length !== 1) issues.push({ field: 'answer', key: 'quiz.one_answer' });
  else if (q.kind === 'multiple' && q.answer.length < 2) issues.push({ field: 'answer', key: 'quiz.multiple_needs_two' });
  return issues;
}
