/**
 * 签名 谁检查、谁签名、谁负责. Each inspector of the team signs as themself (on their own phone, or on a colleague's with
 * their own password); the enterprise's representative signs on the screen, or the team records the refusal with a
 * witness. The first signature needs a complete record (core checkReadyToSign) and freezes it: its content hash is
 * stored and enters the audit chain with every signature. The last signature locks the record (signed); the findings
 * then go on the hazard ledger — confirmed by the signing team, or closed at once when removed on the spot.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { checkReadyToSign, checkSignature, findingLevel, signingStatus, type ResultInput } from '../../core/inspection/index.ts';
import { contentHash } from '../../core/inspection/content-hash.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { verifyPassword } from '../auth/password.ts';
import { processSignature } from '../files/images.ts';
import { fileStoreFor } from '../files/storage.ts';
import { raiseHazards, type RaisedHazard } from '../hazards/raise-hazard.ts';
import { issueInspectionDocuments } from './inspection-documents.ts';
import { inspectionPolicy, authorize } from './inspections.policy.ts';
import { loadReadable } from './inspection-view.ts';
import { normalizeFinding, signedContent } from './inspection-content.ts';
import * as repo from './inspections.repo.ts';

export interface SignInput {
  signerRole: 'inspector' | 'enterprise';
  contentHash: string;
  /** PNG, base64 (a data: URL is accepted) */
  image?: string;
  signerUserId?: number;
  password?: string;
  signerName?: string;
  signerTitle?: string;
  refused?: boolean;
  witness?: string;
  note?: string;
}

function decodeImage(s: string): Buffer {
  const b64 = s.replace(/^data:image\/png;base64,/, '');
  if (!/^[A-Za-z0-9+/=\s]+$/.test(b64)) throw invalid([{ field: 'image', key: 'file.signature_png' }]);
  const buf = Buffer.from(b64, 'base64');
  if (buf.length > 1024 * 1024) throw new AppError(413, 'file.too_large', { max: 1 }, [{ field: 'image', key: 'file.too_large', params: { max: 1 } }]);
  return buf;
}

export async function signInspection(db: Db, p: Principal, id: number, input: SignInput, opts: { now: Date; dataDir: string }) {
  const { now } = opts;
  const { i, team } = await loadReadable(db, p, id);
  const teamIds = team.map((t) => t.user_id);
  authorize(inspectionPolicy.isTeam(p, teamIds));
  if (i.status !== 'draft' && i.status !== 'signing') throw new AppError(423, 'inspection.locked', { status: i.status });
  const today = businessDay(now);
  const content = (await signedContent(db, i.enterprise_id, i.id))!;
  const hash = contentHash(content);
  if (i.status === 'draft') {
    const [checklist, people, quizzes] = await Promise.all([repo.checklistOf(db, i.enterprise_id, i.id), repo.peopleOf(db, i.enterprise_id, i.id), repo.quizzesOf(db, i.enterprise_id, i.id)]);
    const issues = checkReadyToSign(
      {
        checklist: checklist.map((c) => ({
          id: c.id, itemId: c.item_id, code: c.code, version: c.version, text: c.text, legalBasis: c.legal_basis, majorHazard: c.major_hazard, mustCheck: c.must_check, origin: c.origin, position: c.position,
          result: c.result ? ({ result: c.result, note: c.note, finding: normalizeFinding(c.finding) } as ResultInput) : null,
        })),
        inspectors: teamIds.length,
        peopleChecked: people.length,
        quizzesScored: quizzes.filter((q) => q.score !== null).length,
      },
      today,
    );
    if (issues.length) throw invalid(issues.map((x) => ({ field: x.field, key: x.key as MessageKey, params: x.params })), 'inspection.not_ready');
  } else if (i.content_hash !== hash) {
    // frozen content no longer hashes to what was signed: something wrote past the lock
    throw conflict('inspection.content_changed');
  }

  // who signs
  let userId: number | null = null;
  let signerName = (input.signerName ?? '').trim();
  if (input.signerRole === 'inspector') {
    userId = input.signerUserId ?? p.userId;
    const u = await repo.userHash(db, userId);
    if (!u || !teamIds.includes(userId)) throw invalid([{ field: 'signerUserId', key: 'inspection.not_on_team' }], 'inspection.not_on_team');
    if (userId !== p.userId && !(input.password && (await verifyPassword(input.password, u.password_hash)))) {
      throw new AppError(403, 'inspection.signer_password', {}, [{ field: 'password', key: 'inspection.signer_password' }]);
    }
    signerName = u.display_name;
  } else if (input.refused) {
    if (!(input.witness ?? '').trim()) throw invalid([{ field: 'witness', key: 'inspection.refusal_needs_witness' }]);
    signerName = signerName || i.legal_representative || i.safety_officer || '—';
  } else if (!signerName) throw invalid([{ field: 'signerName', key: 'field.required' }]);
  if (!input.refused && !input.image) throw invalid([{ field: 'image', key: 'file.required' }]);

  const existing = await repo.signaturesOf(db, i.enterprise_id, i.id);
  const facts = existing.map((s) => ({ signerRole: s.signer_role, userId: s.user_id, refused: s.refused, contentHash: s.content_hash }));
  const mine = { signerRole: input.signerRole, userId, refused: !!input.refused, contentHash: input.contentHash };
  const refusal = checkSignature(teamIds, facts, mine, i.content_hash ?? hash);
  if (refusal) throw conflict(refusal);
  const image = input.image && !input.refused ? await processSignature(decodeImage(input.image)) : null;
  const stored = image ? await fileStoreFor(opts.dataDir).put(image) : null;

  const complete = signingStatus(teamIds, [...facts, mine]).complete;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const sid = await repo.insertSignature(
      tx,
      {
        enterpriseId: i.enterprise_id, inspectionId: i.id, signerRole: input.signerRole, userId, signerName, signerTitle: (input.signerTitle ?? '').trim(),
        refused: !!input.refused, witness: (input.witness ?? '').trim(), note: (input.note ?? '').trim(), imageSha256: stored?.sha256 ?? null, contentHash: hash, recordedBy: p.userId,
      },
      now,
    );
    if (i.status === 'draft') await repo.setStatus(tx, i.enterprise_id, i.id, 'signing', now, { contentHash: hash });
    const audit = [
      {
        action: 'sign', entityType: 'inspection', entityId: i.id, enterpriseId: i.enterprise_id,
        after: { contentHash: hash, signatureId: sid, signerRole: input.signerRole, userId, signerName, refused: !!input.refused, witness: input.witness ?? '', imageSha256: stored?.sha256 ?? null },
      },
    ];
    if (complete) {
      await repo.setStatus(tx, i.enterprise_id, i.id, 'signed', now, { signedAt: now });
      audit.push({ action: 'lock', entityType: 'inspection', entityId: i.id, enterpriseId: i.enterprise_id, after: { contentHash: hash, signatures: existing.length + 1 } as never });
    }
    await appendAudit(tx, { id: p.userId, name: p.username }, audit, now);
    if (complete) {
      const hazards = await raiseFindings(tx, i, team, now);
      await issueInspectionDocuments(tx, { inspection: i, team, hazards, signedBy: p, dataDir: opts.dataDir }, now);
    }
  });
}

/** The findings of a locked record go on the ledger. */
async function raiseFindings(tx: Db, i: repo.InspectionRow, team: Awaited<ReturnType<typeof repo.teamOf>>, now: Date) {
  const checklist = await repo.checklistOf(tx, i.enterprise_id, i.id);
  const names = team.map((t) => t.display_name).join('、');
  const foundAt = new Date(i.started_at);
  const list: RaisedHazard[] = [];
  for (const c of checklist) {
    if (c.result !== 'hazard') continue;
    const f = normalizeFinding(c.finding)!;
    const level = findingLevel({ majorHazard: c.major_hazard }, f);
    const base = {
      enterpriseId: i.enterprise_id, source: 'inspection' as const, sourceRef: i.code, inspectionId: i.id, checklistId: c.id, selfInspectionId: null,
      itemId: c.item_id, itemCode: c.code, itemText: c.text, legalBasis: c.legal_basis, level, description: f.description, location: f.location,
      foundBy: c.updated_by ?? i.started_by, foundByName: names, foundAt, deadline: f.deadline, responsiblePerson: f.responsiblePerson,
      regionCode: i.region_code, industryDomain: i.industry_domain, enterpriseName: i.enterprise_name, departmentId: i.department_id,
    };
    const report = { action: 'report', fromState: null, toState: 'reported', note: `${i.code}`, actorId: i.started_by, actorName: names };
    if (f.fixedOnSite) {
      list.push({ ...base, state: 'closed', closedAt: now, closedBy: i.started_by, closedOnTime: true, events: [report, { action: 'close_on_spot', fromState: 'reported', toState: 'closed', note: '当场整改', actorId: i.started_by, actorName: names }] });
    } else {
      list.push({ ...base, state: 'confirmed', events: [report, { action: 'confirm', fromState: 'reported', toState: 'confirmed', note: '现场检查记录签名确认', actorId: i.started_by, actorName: names, data: { deadline: f.deadline, inspection: i.code } }] });
    }
  }
  const made = list.length ? await raiseHazards(tx, list, { id: i.started_by, name: 'inspection-signing' }, now) : [];
  return made.map((m, k) => ({ ...m, level: list[k]!.level, state: list[k]!.state, description: list[k]!.description, deadline: list[k]!.deadline, itemCode: list[k]!.itemCode, legalBasis: list[k]!.legalBasis, location: list[k]!.location, itemText: list[k]!.itemText }));
}
