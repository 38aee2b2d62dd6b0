/** What the API answers about an inspection: the list row, and the whole record the phone works on. */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { checkReadyToSign, signingStatus, type ResultInput } from '../../core/inspection/index.ts';
import { contentHash } from '../../core/inspection/content-hash.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { notFound } from '../../http/errors.ts';
import { translate, type Locale, type MessageKey } from '../../i18n/messages.ts';
import { findBrief } from '../enterprises/enterprises.repo.ts';
import { photosOfInspection } from '../files/photos.repo.ts';
import { toPhoto } from '../files/photos.service.ts';
import { hazardsOfInspection } from '../hazards/hazards.repo.ts';
import { inspectionPolicy } from './inspections.policy.ts';
import { normalizeFinding, signedContent } from './inspection-content.ts';
import * as repo from './inspections.repo.ts';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function toSummary(i: repo.InspectionRow) {
  return {
    id: i.id,
    code: i.code,
    clientId: i.client_id,
    status: i.status,
    kind: i.kind,
    reason: i.reason,
    reasonNote: i.reason_note,
    enterprise: { id: i.enterprise_id, name: i.enterprise_name, uscc: i.enterprise_uscc, regionCode: i.region_code, industryDomain: i.industry_domain },
    department: { id: i.department_id, name: i.department_name, line: i.department_line },
    visit: i.visit_id !== null ? { id: i.visit_id, code: i.visit_code ?? '', date: i.visit_date ?? '' } : null,
    startedBy: { id: i.started_by, name: i.started_by_name },
    startedAt: iso(i.started_at)!,
    updatedAt: iso(i.updated_at)!,
    signedAt: iso(i.signed_at),
  };
}

/** Loads an inspection the principal may read, or 404 (a record outside one's reach is not confirmed to exist). */
export async function loadReadable(db: Db, p: Principal, id: number) {
  const i = await repo.findInspection(db, id);
  if (!i) throw notFound('inspection.unknown');
  const team = await repo.teamOf(db, i.enterprise_id, i.id);
  const inScope = !!(await findBrief(db, scopeOf(p), i.enterprise_id));
  if (!inspectionPolicy.canRead(p, i, team.map((t) => t.user_id), inScope)) throw notFound('inspection.unknown');
  return { i, team };
}

export async function inspectionDetail(db: Db, p: Principal, id: number, locale: Locale, now: Date) {
  const { i, team } = await loadReadable(db, p, id);
  const [checklist, people, quizzes, signatures, photos, hazards, content] = await Promise.all([
    repo.checklistOf(db, i.enterprise_id, i.id),
    repo.peopleOf(db, i.enterprise_id, i.id),
    repo.quizzesOf(db, i.enterprise_id, i.id),
    repo.signaturesOf(db, i.enterprise_id, i.id),
    photosOfInspection(db, i.enterprise_id, i.id),
    hazardsOfInspection(db, i.enterprise_id, i.id),
    signedContent(db, i.enterprise_id, i.id),
  ]);
  const teamIds = team.map((t) => t.user_id);
  const status = signingStatus(teamIds, signatures.map((s) => ({ signerRole: s.signer_role, userId: s.user_id, refused: s.refused, contentHash: s.content_hash })));
  const today = businessDay(now);
  const results = checklist.map((c) => ({ ...c, result: c.result ? ({ result: c.result, note: c.note, finding: normalizeFinding(c.finding) } as ResultInput) : null }));
  const readiness =
    i.status === 'draft'
      ? checkReadyToSign(
          {
            checklist: results.map((c) => ({ id: c.id, itemId: c.item_id, code: c.code, version: c.version, text: c.text, legalBasis: c.legal_basis, majorHazard: c.major_hazard, mustCheck: c.must_check, origin: c.origin, position: c.position, result: c.result })),
            inspectors: teamIds.length,
            peopleChecked: people.length,
            quizzesScored: quizzes.filter((q) => q.score !== null).length,
          },
          today,
        )
      : [];
  const isTeam = teamIds.includes(p.userId);
  return {
    ...toSummary(i),
    place: i.place,
    summary: i.summary,
    measures: repo.jsonOf<{ kind: string; description: string }[]>(i.measures, []),
    team: team.map((t) => ({ userId: t.user_id, name: t.display_name, signed: !status.missingInspectors.includes(t.user_id) })),
    checklist: checklist.map((c) => ({
      id: c.id,
      position: c.position,
      itemId: c.item_id,
      code: c.code,
      version: c.version,
      text: c.text,
      legalBasis: c.legal_basis,
      majorHazard: c.major_hazard,
      mustCheck: c.must_check,
      origin: c.origin,
      result: c.result,
      note: c.note,
      finding: normalizeFinding(c.finding),
      photos: photos.filter((x) => x.checklist_id === c.id).map(toPhoto),
      updatedAt: iso(c.updated_at),
    })),
    people: people.map((x) => ({
      id: x.id, clientId: x.client_id, name: x.name, idNumber: x.id_number, role: x.role, certificateCategory: x.certificate_category,
      certificateNumber: x.certificate_number, certificateValidUntil: x.certificate_valid_until, result: x.result, note: x.note,
    })),
    quizzes: quizzes.map((q) => quizView(q, isTeam)),
    photos: photos.filter((x) => x.checklist_id === null).map(toPhoto),
    signatures: signatures.map((s) => ({
      id: s.id, signerRole: s.signer_role, userId: s.user_id, signerName: s.signer_name, signerTitle: s.signer_title, refused: s.refused, witness: s.witness,
      note: s.note, contentHash: s.content_hash, signedAt: iso(s.signed_at)!, imageUrl: s.image_sha256 ? `/api/v1/inspections/${i.id}/signatures/${s.id}/image` : null,
    })),
    signing: { complete: status.complete, missingInspectors: status.missingInspectors, enterpriseSigned: status.enterpriseSigned },
    /** the hash to sign against: the stored one once signing began, else the content as it is now */
    contentHash: i.content_hash ?? (content ? contentHash(content) : ''),
    readiness: readiness.map((x) => ({ field: x.field, message: translate(locale, x.key as MessageKey, x.params ?? {}) })),
    hazards: hazards.map((h) => ({ id: h.id, code: h.code, level: h.level, state: h.state, description: h.description, deadline: h.deadline, checklistId: h.checklist_id })),
    canEdit: isTeam && i.status === 'draft',
  };
}

/** A quiz as shown: the questions without their answers until it is answered (and then only to the team). */
export function quizView(q: repo.QuizRow, reveal: boolean) {
  const questions = repo.jsonOf<{ id: number; kind: string; stem: string; options: string[]; answer: number[] }[]>(q.questions, []);
  const answered = q.score !== null;
  return {
    id: q.id,
    clientId: q.client_id,
    personClientId: q.person_client_id,
    personName: q.person_name,
    role: q.role,
    seed: q.seed,
    poolSize: q.pool_size,
    questions: questions.map((x) => ({ id: x.id, kind: x.kind, stem: x.stem, options: x.options, ...(answered && reveal ? { answer: x.answer } : {}) })),
    answers: repo.jsonOf<(number[] | null)[] | null>(q.answers, null),
    correct: q.correct,
    total: q.total,
    score: q.score,
    passed: q.passed,
    drawnAt: iso(q.drawn_at)!,
    answeredAt: iso(q.answered_at),
  };
}
