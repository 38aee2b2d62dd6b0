/**
 * 隐患流转 one transition of a hazard, decided by the core (who, from which state, what it needs), then written with
 * its event, its photos, its audit record and its document — in one transaction, guarded by the row's version.
 * Also the 五定 plan of a major hazard, and photos (before/after/evidence) uploaded for a hazard.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { checkFiveFixes, decide, escalationFor, mayAct, mayEditFiveFixes, type FiveFixes, type HazardAction, type HazardLevel } from '../../core/hazards/index.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { AppError, conflict, forbidden, invalid } from '../../http/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { bindToEvent, unboundPhotos } from '../files/photos.repo.ts';
import { storePhoto } from '../files/photos.service.ts';
import type { FileStore } from '../files/storage.ts';
import { actorOf } from './hazards.policy.ts';
import { factsOf, fiveFixesOf, loadVisible } from './hazard-view.ts';
import { orderRectification, reviewOpinion } from './hazard-documents.ts';
import * as repo from './hazards.repo.ts';

export interface TransitionBody {
  action: HazardAction;
  note?: string;
  deadline?: string;
  level?: HazardLevel;
  responsiblePerson?: string;
  /** photos uploaded for this hazard (POST /hazards/{id}/photos) that go with this step, e.g. the after photos */
  photoIds?: number[];
  version?: number;
}

export async function transitionHazard(db: Db, p: Principal, id: number, body: TransitionBody, now: Date) {
  const h = await loadVisible(db, p, id);
  if (body.version !== undefined && body.version !== h.version) throw conflict();
  const today = businessDay(now);
  const photos = await unboundPhotos(db, h.enterprise_id, h.id, body.photoIds ?? []);
  if (photos.length !== (body.photoIds ?? []).length) {
    const missing = (body.photoIds ?? []).filter((x) => !photos.some((ph) => ph.id === x));
    throw invalid(missing.map((x) => ({ field: 'photoIds', key: 'hazard.photo_unknown' as MessageKey, params: { id: x } })));
  }
  const after = photos.filter((x) => x.purpose === 'after').length;
  const d = decide(factsOf(h), body.action, actorOf(p), { level: body.level, deadline: body.deadline, responsiblePerson: body.responsiblePerson, note: body.note, afterPhotos: after }, today);
  if (!d.ok) {
    if (d.status === 403) throw new AppError(403, d.key as MessageKey);
    if (d.status === 409) throw new AppError(409, 'hazard.wrong_state', d.params);
    throw invalid(d.issues.map((x) => ({ field: x.field, key: x.key as MessageKey, params: x.params })), d.key as MessageKey);
  }
  const note = (body.note ?? '').trim();
  const rules = (await repo.escalationRules(db)).map((r) => ({ level: r.level, step: r.step, daysOverdue: r.days_overdue }));
  const closing = d.to === 'closed';
  const deadlineChanged = d.deadline !== h.deadline;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const ok = await repo.updateHazard(
      tx,
      h.enterprise_id,
      h.id,
      h.version,
      {
        state: d.to,
        level: d.level,
        deadline: d.deadline,
        responsiblePerson: d.responsiblePerson,
        ...(body.action === 'submit' ? { submittedBy: p.userId, submittedAt: now } : {}),
        ...(body.action === 'review_reject' ? { submittedBy: null, submittedAt: null } : {}),
        ...(closing ? { closedAt: now, closedBy: p.userId, closedOnTime: !d.deadline || today <= d.deadline } : {}),
        // a new deadline starts the clock again: the step is what the new deadline gives today
        ...(deadlineChanged && !closing ? { escalationStep: escalationFor(d.level, d.deadline, today, rules).step, escalatedAt: null } : {}),
      },
      now,
    );
    if (!ok) throw conflict();
    const [eventId] = await repo.insertEvents(tx, [
      {
        enterpriseId: h.enterprise_id, hazardId: h.id, action: body.action, fromState: d.from, toState: d.to, actorId: p.userId, actorName: p.displayName, note,
        data: { ...(deadlineChanged ? { deadline: d.deadline } : {}), ...(d.level !== h.level ? { level: d.level } : {}), ...(photos.length ? { photos: photos.map((x) => x.id) } : {}) },
      },
    ], now);
    await bindToEvent(tx, h.enterprise_id, h.id, photos.map((x) => x.id), eventId!);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      {
        action: `hazard.${body.action}`, entityType: 'hazard', entityId: h.id, enterpriseId: h.enterprise_id,
        before: { state: h.state, level: h.level, deadline: h.deadline }, after: { state: d.to, level: d.level, deadline: d.deadline, note, photos: photos.map((x) => x.sha256) },
      },
    ], now);
    const byDepartment = p.role === 'inspector' || p.role === 'dept_head';
    if (body.action === 'confirm' && byDepartment && d.deadline) await orderRectification(tx, { ...h, level: d.level }, d.deadline, p, now);
    if ((body.action === 'review_pass' || body.action === 'review_reject') && byDepartment) await reviewOpinion(tx, h, body.action === 'review_pass', note, p, now, today);
  });
}

export async function saveFiveFixes(db: Db, p: Principal, id: number, f: FiveFixes, now: Date) {
  const h = await loadVisible(db, p, id);
  const facts = factsOf(h);
  if (!mayEditFiveFixes(facts, actorOf(p))) {
    if (mayAct(facts, 'start_rectifying', actorOf(p)).ok || mayAct(facts, 'submit', actorOf(p)).ok) throw new AppError(409, 'hazard.five_fixes_locked');
    throw forbidden();
  }
  const clean: FiveFixes = { measures: f.measures.trim(), responsiblePeople: f.responsiblePeople.trim(), funds: f.funds, deadline: f.deadline || null, contingencyPlan: f.contingencyPlan.trim() };
  const issues = checkFiveFixes(clean, h.deadline, businessDay(now));
  if (issues.length) throw invalid(issues.map((x) => ({ field: `fiveFixes.${x.field}`, key: x.key as MessageKey, params: x.params })));
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    if (!(await repo.updateHazard(tx, h.enterprise_id, h.id, h.version, { fiveFixes: clean }, now))) throw conflict();
    await repo.insertEvents(tx, [{ enterpriseId: h.enterprise_id, hazardId: h.id, action: 'five_fixes', fromState: h.state, toState: h.state, actorId: p.userId, actorName: p.displayName, note: '', data: clean }], now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'hazard.five_fixes', entityType: 'hazard', entityId: h.id, enterpriseId: h.enterprise_id, before: fiveFixesOf(h.five_fixes), after: clean },
    ], now);
  });
}

/** Photos for a hazard: by whoever may take its next step (the enterprise's before/after photos, the department's evidence). */
export async function uploadHazardPhoto(
  db: Db,
  store: FileStore,
  p: Principal,
  id: number,
  v: { input: Buffer; originalName: string; clientId: string | null; takenAt: string | null; purpose: 'before' | 'after' | 'evidence' },
  now: Date,
) {
  const h = await loadVisible(db, p, id);
  const facts = factsOf(h);
  const a = actorOf(p);
  const allowed = (['confirm', 'start_rectifying', 'submit', 'review_pass', 'review_reject'] as const).some((x) => mayAct(facts, x, a).ok);
  if (!allowed) throw forbidden();
  if (h.state === 'closed' || h.state === 'dismissed') throw new AppError(409, 'hazard.wrong_state', { state: h.state, action: 'photo' });
  return storePhoto({ db, store, principal: p, enterpriseId: h.enterprise_id, clientId: v.clientId, input: v.input, originalName: v.originalName, takenAt: v.takenAt, owner: { purpose: v.purpose, hazardId: h.id }, now });
}
