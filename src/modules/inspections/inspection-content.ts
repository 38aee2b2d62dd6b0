/**
 * The content of an inspection as signed, rebuilt from the stored rows — at signing and again in `anjian audit verify`.
 * Only what the record says is in it (no labels, no register data that may change later, no signatures).
 */
import type { Db } from '../../db/client.ts';
import { contentHash } from '../../core/inspection/content-hash.ts';
import type { HazardLevel } from '../../core/hazards/model.ts';
import { photosOfInspection } from '../files/photos.repo.ts';
import * as repo from './inspections.repo.ts';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function normalizeFinding(f: unknown) {
  const x = repo.jsonOf<Record<string, unknown> | null>(f, null);
  if (!x) return null;
  return {
    description: String(x.description ?? ''),
    location: String(x.location ?? ''),
    level: (x.level as HazardLevel | null) ?? null,
    deadline: (x.deadline as string | null) ?? null,
    responsiblePerson: String(x.responsiblePerson ?? ''),
    fixedOnSite: !!x.fixedOnSite,
  };
}

export async function signedContent(db: Db, enterpriseId: number, id: number) {
  const i = await repo.findInspection(db, id);
  if (!i || i.enterprise_id !== enterpriseId) return null;
  const [team, checklist, people, quizzes, photos] = await Promise.all([
    repo.teamOf(db, enterpriseId, id),
    repo.checklistOf(db, enterpriseId, id),
    repo.peopleOf(db, enterpriseId, id),
    repo.quizzesOf(db, enterpriseId, id),
    photosOfInspection(db, enterpriseId, id),
  ]);
  return {
    inspection: {
      id: i.id,
      code: i.code,
      enterpriseId: i.enterprise_id,
      departmentId: i.department_id,
      kind: i.kind,
      visitId: i.visit_id,
      reason: i.reason,
      reasonNote: i.reason_note,
      startedAt: iso(i.started_at),
      startedBy: i.started_by,
      place: i.place,
      summary: i.summary,
      measures: repo.jsonOf<unknown[]>(i.measures, []),
    },
    team: team.map((t) => t.user_id),
    checklist: checklist.map((c) => ({
      id: c.id, itemId: c.item_id, code: c.code, version: c.version, text: c.text, mustCheck: c.must_check, majorHazard: c.major_hazard,
      result: c.result, note: c.note, finding: normalizeFinding(c.finding),
    })),
    people: people.map((p) => ({
      id: p.id, name: p.name, idNumber: p.id_number, role: p.role, certificateCategory: p.certificate_category, certificateNumber: p.certificate_number,
      certificateValidUntil: p.certificate_valid_until, result: p.result, note: p.note,
    })),
    quizzes: quizzes.map((q) => ({
      id: q.id, personName: q.person_name, role: q.role, seed: q.seed,
      questions: repo.jsonOf<{ id: number }[]>(q.questions, []).map((x) => x.id), answers: repo.jsonOf<unknown>(q.answers, null), score: q.score,
    })),
    photos: photos.map((p) => ({ id: p.id, sha256: p.sha256, checklistId: p.checklist_id })),
  };
}

export async function currentContentHash(db: Db, enterpriseId: number, id: number): Promise<string | null> {
  const c = await signedContent(db, enterpriseId, id);
  return c ? contentHash(c) : null;
}
