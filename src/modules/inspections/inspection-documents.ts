/**
 * The enforcement documents a locked inspection issues, built from the record (the documents capability numbers,
 * freezes and renders them): 现场检查记录 always; 责令限期整改指令书 when a hazard was ordered fixed by a deadline;
 * 现场处理措施决定书 when on-site measures were taken. All inside the signing transaction: the documents exist exactly
 * when the signed record does.
 */
import { rows, sql, type Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { CERTIFICATE_CATEGORIES, CERTIFICATE_RESULTS, ON_SITE_MEASURES, PERSON_ROLES } from '../../core/inspection/model.ts';
import type { DocumentSignature, Finding, OnSiteMeasureType, Officer } from '../../core/documents/model.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { fileStoreFor } from '../files/storage.ts';
import * as repo from './inspections.repo.ts';

export interface SignedInspectionFacts {
  inspection: repo.InspectionRow;
  team: { user_id: number; display_name: string }[];
  hazards: { id: number; code: string; level: string; state: string; description: string; deadline: string | null; itemCode: string | null; legalBasis: string; location: string; itemText: string }[];
  signedBy: Principal;
  dataDir: string;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s) || '—';
const label = <T extends { code: string; label: { 'zh-CN': string } }>(list: readonly T[], code: string) => list.find((x) => x.code === code)?.label['zh-CN'] ?? code;
const MEASURE_TYPE: Record<string, OnSiteMeasureType> = { evacuate: 'evacuate', suspend_work: 'suspend_production', stop_use: 'stop_use', other: 'other' };

/** 执法人员 with their 执法证号 (inspector profiles). */
async function officers(db: Db, team: SignedInspectionFacts['team']): Promise<Officer[]> {
  const certs = await rows<{ user_id: number; certificate_no: string }>(
    db,
    sql`SELECT user_id, certificate_no FROM inspector_profiles WHERE user_id IN (${sql.join(team.map((t) => sql`${t.user_id}`), sql`, `)})`,
  );
  return team.map((t) => ({ name: cut(t.display_name, 40), certificateNo: cut(certs.find((c) => c.user_id === t.user_id)?.certificate_no || '未登记', 40) }));
}

export async function issueInspectionDocuments(tx: Db, f: SignedInspectionFacts, now: Date): Promise<{ id: number; number: string; kind: string }[]> {
  const i = f.inspection;
  const store = fileStoreFor(f.dataDir);
  const readFile = async (ref: string) => {
    const b = await store.get(ref);
    if (!b) throw new Error(`missing ${ref}`);
    return b;
  };
  const [inspectors, signatures, people] = await Promise.all([officers(tx, f.team), repo.signaturesOf(tx, i.enterprise_id, i.id), repo.peopleOf(tx, i.enterprise_id, i.id)]);
  const certOf = new Map(inspectors.map((o, k) => [f.team[k]!.user_id, o.certificateNo]));
  const sigs: DocumentSignature[] = signatures.map((s) => ({
    role: s.signer_role === 'inspector' ? 'inspector' : 'enterprise',
    name: cut(s.refused ? `${s.signer_name}（拒签，见证人${s.witness}）` : s.signer_name, 40),
    ...(s.user_id ? { certificateNo: certOf.get(s.user_id) } : {}),
    ...(s.image_sha256 ? { image: { fileRef: s.image_sha256 } } : {}),
    signedAt: new Date(s.signed_at).toISOString(),
  }));
  const enterpriseSig = signatures.find((s) => s.signer_role === 'enterprise');
  const inspectorSigs = sigs.filter((s) => s.role === 'inspector');
  const findings: Finding[] = f.hazards.map((h) => ({
    item: cut(h.itemCode ? `${h.itemCode} ${h.itemText}` : h.itemText, 300),
    description: cut(h.description, 1000),
    ...(h.legalBasis ? { legalBasis: cut(h.legalBasis, 300) } : {}),
    major: h.level === 'major',
    ...(h.location ? { location: cut(h.location, 200) } : {}),
    hazardId: h.id,
  }));
  const major = f.hazards.filter((h) => h.level === 'major').length;
  const situation =
    i.summary.trim() ||
    `对${i.enterprise_name}进行${i.kind === 'planned' ? '计划' : '计划外'}现场检查，共检查事项 ${(await repo.checklistOf(tx, i.enterprise_id, i.id)).length} 项，` +
      `发现事故隐患 ${f.hazards.length} 项（其中重大事故隐患 ${major} 项），核查人员证书 ${people.length} 人。`;
  const source = { type: 'inspection' as const, id: i.id };
  const out: { id: number; number: string; kind: string }[] = [];
  const issued = await issueDocument(
    tx,
    {
      kind: 'inspection_record',
      enterpriseId: i.enterprise_id,
      departmentId: i.department_id,
      source,
      content: {
        kind: 'inspection_record',
        place: cut(i.place || i.enterprise_address || i.enterprise_name, 200),
        startedAt: new Date(i.started_at).toISOString(),
        endedAt: now.toISOString(),
        inspectors,
        onSiteRepresentative: { name: cut(enterpriseSig?.signer_name || i.legal_representative || i.safety_officer, 40), ...(enterpriseSig?.signer_title ? { title: cut(enterpriseSig.signer_title, 60) } : {}) },
        situation: cut(situation, 4000),
        findings,
        certificatesChecked: people.map((p) =>
          cut(`${p.name}（${label(PERSON_ROLES, p.role)}）${label(CERTIFICATE_CATEGORIES, p.certificate_category)} ${p.certificate_number} ${label(CERTIFICATE_RESULTS, p.result)}`, 300),
        ),
      },
      signatures: sigs,
    },
    f.signedBy,
    now,
    { readFile },
  );
  out.push({ ...issued, kind: 'inspection_record' });
  const ordered = f.hazards.filter((h) => h.state !== 'closed' && h.deadline);
  if (ordered.length) {
    const d = await issueDocument(
      tx,
      {
        kind: 'rectification_order',
        enterpriseId: i.enterprise_id,
        departmentId: i.department_id,
        source,
        content: {
          kind: 'rectification_order',
          items: ordered.map((h) => ({ description: cut(h.description, 1000), ...(h.legalBasis ? { legalBasis: cut(h.legalBasis, 300) } : {}), major: h.level === 'major', hazardId: h.id, immediate: false, deadline: h.deadline! })),
          inspectors,
        },
        signatures: inspectorSigs,
      },
      f.signedBy,
      now,
      { readFile },
    );
    out.push({ ...d, kind: 'rectification_order' });
  }
  const measures = repo.jsonOf<{ kind: string; description: string }[]>(i.measures, []);
  if (measures.length) {
    const d = await issueDocument(
      tx,
      {
        kind: 'onsite_measures',
        enterpriseId: i.enterprise_id,
        departmentId: i.department_id,
        source,
        content: {
          kind: 'onsite_measures',
          findings: findings.filter((x) => x.major).length ? findings.filter((x) => x.major) : findings,
          measures: measures.map((m) => ({ type: MEASURE_TYPE[m.kind] ?? 'other', text: cut(m.description || label(ON_SITE_MEASURES, m.kind), 500) })),
          inspectors,
        },
        signatures: inspectorSigs,
      },
      f.signedBy,
      now,
      { readFile },
    );
    out.push({ ...d, kind: 'onsite_measures' });
  }
  return out;
}
