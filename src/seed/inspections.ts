/**
 * Demo data of issue 6, dated relative to the seeding day: signed inspections with their hazards and documents, hazards in
 * every state (some overdue at each escalation level: 提醒, 部门督办, 县级和市级挂牌督办), a self-inspection, cases at
 * several steps (one transferred to the police), a draft waiting to be signed — so each demo user finds work today:
 * `inspector` (江宁区应急管理局) reviews and signs, `depthead` (南京市应急管理局) closes a major hazard and decides a case,
 * `enterprise` rectifies, `coordinator` sees the listed (挂牌督办) hazards. Built through the services themselves, so the
 * records obey every rule, enter the audit chain and issue their documents.
 */
import sharp from 'sharp';
import { loadConfig } from '../config.ts';
import { one, rows, sql, type Db } from '../db/client.ts';
import type { Principal } from '../core/access/principal.ts';
import { addDays } from '../core/hazards/escalation.ts';
import { businessDay } from '../core/hazards/day.ts';
import { makeIdNumber } from '../core/codes/id-number.ts';
import { findUserByUsername, type UserRow } from '../modules/auth/auth.repo.ts';
import { toPrincipal } from '../modules/auth/auth.service.ts';
import { insertQuestions } from '../modules/questions/questions.repo.ts';
import { startInspection } from '../modules/inspections/start-inspection.ts';
import { saveDraft } from '../modules/inspections/save-draft.ts';
import { answerQuiz, drawQuiz } from '../modules/inspections/quizzes.ts';
import { signInspection } from '../modules/inspections/sign-inspection.ts';
import * as inspections from '../modules/inspections/inspections.repo.ts';
import { currentContentHash } from '../modules/inspections/inspection-content.ts';
import { transitionHazard, saveFiveFixes } from '../modules/hazards/transition-hazard.ts';
import { recordSelfInspection } from '../modules/hazards/self-inspections.ts';
import { escalateHazards } from '../modules/hazards/escalate-hazards.ts';
import { storePhoto } from '../modules/files/photos.service.ts';
import { fileStoreFor } from '../modules/files/storage.ts';
import { addEvidence, addMeasure, advanceCase, executeMeasure, openCase, transferCase } from '../modules/cases/cases.service.ts';
import { STARTER_QUESTIONS } from './quiz-questions.ts';

const DAY = 86_400_000;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface InspectionSeedReport {
  inspections: number;
  hazards: number;
  cases: number;
}

async function principal(db: Db, where: ReturnType<typeof sql>): Promise<Principal | null> {
  const r = await one<{ username: string }>(db, sql`SELECT u.username FROM users u WHERE ${where} ORDER BY u.id LIMIT 1`);
  const u = r ? await findUserByUsername(db, r.username) : undefined;
  return u ? toPrincipal(u as UserRow) : null;
}

export async function seedInspections(db: Db, now: Date, log: (m: string) => void = () => {}): Promise<InspectionSeedReport> {
  const report = { inspections: 0, hazards: 0, cases: 0 };
  if (await one(db, sql`SELECT 1 FROM inspections LIMIT 1`)) return report;
  if (!(await one(db, sql`SELECT 1 FROM quiz_questions LIMIT 1`))) await insertQuestions(db, STARTER_QUESTIONS, null, now);
  const dataDir = loadConfig().dataDir;
  const store = fileStoreFor(dataDir);
  const today = businessDay(now);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const png = (await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="110"><path d="M12 80 C 70 5, 120 100, 180 40 S 260 20, 305 70" stroke="#1f1f1f" stroke-width="5" fill="none"/></svg>')).png().toBuffer()).toString('base64');
  const photo = (hue: number) => sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 120 + hue, g: 110, b: 100 } } }).jpeg({ quality: 70 }).toBuffer();

  const inspector = await principal(db, sql`u.username = 'inspector'`);
  const depthead = await principal(db, sql`u.username = 'depthead'`);
  const officer = await principal(db, sql`u.username = 'enterprise'`);
  if (!inspector || !depthead || !officer || inspector.departmentId === null || depthead.departmentId === null || officer.enterpriseId === null) return report;
  const colleague = await principal(db, sql`u.department_id = ${inspector.departmentId} AND u.role = 'inspector' AND u.id <> ${inspector.userId}`);
  const cityA = await principal(db, sql`u.department_id = ${depthead.departmentId} AND u.role = 'inspector'`);
  const cityB = cityA ? await principal(db, sql`u.department_id = ${depthead.departmentId} AND u.role = 'inspector' AND u.id <> ${cityA.userId}`) : null;
  if (!colleague || !cityA || !cityB) return report;
  const ent = async (where: ReturnType<typeof sql>) => one<{ id: number; name: string; region_code: string }>(db, sql`SELECT id, name, region_code FROM enterprises e WHERE ${where} AND e.small_venue_category IS NULL ORDER BY e.id LIMIT 1`);
  const chem = await ent(sql`e.region_code LIKE '320115%' AND e.industry_domain = 'hazchem'`);
  const machine = await ent(sql`e.region_code LIKE '320115%' AND e.industry_domain IN ('machinery', 'metallurgy', 'light_industry') AND e.id <> ${officer.enterpriseId}`);
  const third = await ent(sql`e.region_code LIKE '320115%' AND e.id NOT IN (${chem?.id ?? -1}, ${machine?.id ?? -1}, ${officer.enterpriseId})`);
  const own = await one<{ id: number; name: string; region_code: string }>(db, sql`SELECT id, name, region_code FROM enterprises WHERE id = ${officer.enterpriseId}`);
  if (!chem || !machine || !third || !own) return report;
  const ownRegion = own.region_code;

  let clientSeq = 0;
  const cid = (p: string) => `demo-${p}-${++clientSeq}-${now.getTime().toString(36)}`;

  /** One inspection, signed on day `day` (days from today, negative) unless `draftOnly`, with findings on chosen items. */
  async function inspect(o: { by: Principal; co: Principal; enterpriseId: number; day: number; reason: 'campaign' | 'complaint' | 'follow_up'; findings: { pick: 'criterion' | 'general'; description: string; location: string; level?: 'major'; deadline?: number; fixedOnSite?: boolean; photo?: boolean }[]; measures?: { kind: 'stop_use' | 'evacuate' | 'suspend_work'; description: string }[]; draftOnly?: boolean }) {
    const t = at(o.day);
    const { id } = await startInspection(db, o.by, { clientId: cid('insp'), enterpriseId: o.enterpriseId, reason: o.reason, team: [o.co.userId], place: '' }, t);
    const list = await inspections.checklistOf(db, o.enterpriseId, id);
    const used = new Set<number>();
    const results = [];
    for (const f of o.findings) {
      const item = list.find((x) => !used.has(x.id) && (f.pick === 'criterion' ? x.must_check : !x.major_hazard))!;
      if (!item) continue;
      used.add(item.id);
      results.push({ checklistId: item.id, result: 'hazard' as const, note: '', finding: { description: f.description, location: f.location, level: f.level ?? null, deadline: f.deadline !== undefined ? addDays(businessDay(t), f.deadline) : null, responsiblePerson: '安全部 王主任', fixedOnSite: !!f.fixedOnSite } });
      if (f.photo) {
        await storePhoto({ db, store, principal: o.by, enterpriseId: o.enterpriseId, clientId: cid('photo'), input: await photo(results.length * 20), originalName: 'finding.jpg', takenAt: t.toISOString(), owner: { purpose: 'finding', inspectionId: id, checklistId: item.id }, now: t });
      }
    }
    for (const x of list) if (!used.has(x.id)) results.push(x.must_check && x.code.startsWith('MH10-12') ? { checklistId: x.id, result: 'not_applicable' as const, note: '企业无液氨制冷工艺' } : { checklistId: x.id, result: 'compliant' as const });
    const principalId = makeIdNumber(ownRegion.slice(0, 6), '1972-08-16', 31);
    const welderId = makeIdNumber('320115', '1990-11-03', 58);
    await saveDraft(db, o.by, id, {
      place: '生产厂区及仓储区',
      summary: '',
      measures: o.measures,
      results,
      people: [
        { clientId: cid('p'), name: '周建国', idNumber: principalId, role: 'principal', certificateCategory: 'safety_qualification', certificateNumber: `AQ${principalId.slice(6, 14)}`, certificateValidUntil: addDays(today, 400), result: 'valid' },
        { clientId: cid('p'), name: '钱小军', idNumber: welderId, role: 'special_operator', certificateCategory: 'welding', certificateNumber: `T${welderId}`, certificateValidUntil: addDays(today, 900), result: 'valid' },
      ],
    }, t);
    const quiz = await drawQuiz(db, o.by, id, { clientId: cid('quiz'), personName: '周建国', role: 'principal' }, t);
    const q = await inspections.findQuiz(db, o.enterpriseId, id, quiz.quizId);
    const qs = inspections.jsonOf<{ answer: number[] }[]>(q!.questions, []);
    await answerQuiz(db, o.by, id, quiz.quizId, qs.map((x, i) => (i === 0 ? [] : x.answer)), t);
    if (o.draftOnly) return { id, hazards: [] as Json[] };
    const hash = (await currentContentHash(db, o.enterpriseId, id))!;
    const opts = { now: t, dataDir };
    await signInspection(db, o.by, id, { signerRole: 'inspector', contentHash: hash, image: png }, opts);
    await signInspection(db, o.co, id, { signerRole: 'inspector', contentHash: hash, image: png }, opts);
    await signInspection(db, o.by, id, { signerRole: 'enterprise', signerName: '周建国', signerTitle: '总经理', contentHash: hash, image: png }, opts);
    report.inspections++;
    const hz = await rows<Json>(db, sql`SELECT id, level, state, description FROM hazards WHERE enterprise_id = ${o.enterpriseId} AND inspection_id = ${id} ORDER BY id`);
    report.hazards += hz.length;
    return { id, hazards: hz };
  }
  const step = async (who: Principal, hazardId: number, day: number, action: Parameters<typeof transitionHazard>[3]['action'], extra: Omit<Parameters<typeof transitionHazard>[3], 'action'> = {}) =>
    transitionHazard(db, who, hazardId, { action, ...extra }, at(day));
  const afterPhoto = async (who: Principal, enterpriseId: number, hazardId: number, day: number) =>
    (await storePhoto({ db, store, principal: who, enterpriseId, clientId: cid('after'), input: await photo(60), originalName: 'after.jpg', takenAt: at(day).toISOString(), owner: { purpose: 'after', hazardId }, now: at(day) })).photo.id;

  // 1. 江宁 危化品企业 (25 days ago): a major hazard 16 days overdue (市级挂牌督办), a general one 2 days overdue (提醒), one fixed on the spot
  const a = await inspect({
    by: inspector, co: colleague, enterpriseId: chem.id, day: -25, reason: 'campaign',
    findings: [
      { pick: 'criterion', description: '重点监管危险化工工艺装置未设置紧急停车系统', location: '氯化反应工段', deadline: 9, photo: true },
      { pick: 'general', description: '部分岗位安全生产责任制未明确考核标准', location: '安全管理部', deadline: 23 },
      { pick: 'general', description: '配电室门口堆放杂物', location: '一号配电室', fixedOnSite: true },
    ],
    measures: [{ kind: 'stop_use', description: '氯化反应装置在紧急停车系统投用前停止使用' }],
  });
  // 2. 江宁 工贸企业 (40 days ago): general hazards 20 and 8 days overdue (挂牌督办, 部门督办), one submitted for review, one due tomorrow
  const b = await inspect({
    by: inspector, co: colleague, enterpriseId: machine.id, day: -40, reason: 'follow_up',
    findings: [
      { pick: 'general', description: '从业人员安全培训记录不全', location: '人力资源部', deadline: 20 },
      { pick: 'general', description: '应急预案未按规定组织演练', location: '安全管理部', deadline: 32 },
      { pick: 'general', description: '特种作业人员台账未及时更新', location: '设备部', deadline: 35, photo: true },
      { pick: 'general', description: '隐患排查治理记录未闭环', location: '安全管理部', deadline: 41 },
    ],
  });
  if (b.hazards[2]) {
    await step(officer.enterpriseId === machine.id ? officer : inspector, b.hazards[2].id, -10, 'start_rectifying');
    const ph = await afterPhoto(colleague, machine.id, b.hazards[2].id, -1);
    await step(colleague, b.hazards[2].id, -1, 'submit', { note: '已更新特种作业人员台账，附证书复印件', photoIds: [ph] });
  }
  if (b.hazards[3]) await step(inspector, b.hazards[3].id, -30, 'start_rectifying');
  // 3. the enterprise officer's own enterprise, inspected by the city (南京市应急管理局) 30 days ago
  const c = await inspect({
    by: cityA, co: cityB, enterpriseId: own.id, day: -30, reason: 'campaign',
    findings: [
      { pick: 'general', description: '可燃气体报警装置未定期检定，部分失效', location: '原料仓库', level: 'major', deadline: 40, photo: true },
      { pick: 'general', description: '有限空间作业未执行审批', location: '污水处理池', level: 'major', deadline: 50 },
      { pick: 'general', description: '安全出口指示标志损坏', location: '二号车间', deadline: 31 },
      { pick: 'general', description: '劳动防护用品发放记录缺失', location: '仓库', deadline: 35 },
    ],
  });
  const [cMajor, cMajor2, cGen1, cGen2] = c.hazards;
  if (cMajor) {
    await saveFiveFixes(db, officer, cMajor.id, { measures: '更换失效探头，委托检定机构检定全部报警装置', responsiblePeople: '设备部 李工', funds: 86000, deadline: addDays(today, 8), contingencyPlan: '检定完成前每班人工巡检两次，配备便携式检测仪' }, at(-20));
    await step(officer, cMajor.id, -20, 'start_rectifying');
    const ph = await afterPhoto(officer, own.id, cMajor.id, -1);
    await step(officer, cMajor.id, -1, 'submit', { note: '报警装置已全部更换并检定合格', photoIds: [ph] });
  }
  if (cGen1) await step(officer, cGen1.id, -3, 'start_rectifying');
  void cMajor2;
  // 4. a case on the city's major hazard: notified 5 days ago (陈述申辩期已满), waiting for the department head's decision
  if (cMajor2) {
    const kase = await openCase(db, cityA, { enterpriseId: own.id, hazardIds: [cMajor2.id], inspectionId: c.id, title: '有限空间作业未执行作业审批制度', facts: '经现场检查，该单位在污水处理池有限空间作业时未执行作业审批制度。', legalBasis: '《中华人民共和国安全生产法》第四十三条、第九十九条' }, at(-12));
    await advanceCase(db, cityA, kase, {}, at(-11));
    await addEvidence(db, cityA, kase, { kind: '询问笔录', description: '对安全部负责人的询问笔录', collectedOn: addDays(today, -11) }, at(-11));
    await addEvidence(db, cityA, kase, { kind: '现场照片', description: '污水处理池作业现场照片6张', collectedOn: addDays(today, -11) }, at(-11));
    await addMeasure(db, cityA, kase, { kind: 'fine_unit', amount: 50000 }, at(-6));
    await addMeasure(db, cityA, kase, { kind: 'fine_person', amount: 8000, personName: '周建国', personRole: '主要负责人' }, at(-6));
    await advanceCase(db, cityA, kase, {}, at(-5));
    report.cases++;
  }
  // 5. a district case from the chemicals plant's major hazard, under investigation (调查取证)
  const aMajor = a.hazards.find((h) => h.level === 'major');
  if (aMajor) {
    const kase = await openCase(db, inspector, { enterpriseId: chem.id, hazardIds: [aMajor.id], inspectionId: a.id, title: '重点监管危险化工工艺装置未设置紧急停车系统', facts: '氯化反应装置未设置紧急停车系统且在检查时仍在生产。', legalBasis: '《中华人民共和国安全生产法》第三十六条、第九十九条' }, at(-24));
    await advanceCase(db, inspector, kase, {}, at(-23));
    await addEvidence(db, inspector, kase, { kind: '勘验笔录', description: '氯化反应工段勘验笔录', collectedOn: addDays(today, -23) }, at(-23));
    await addMeasure(db, inspector, kase, { kind: 'suspend_production', description: '氯化工段停产停业整顿' }, at(-22));
    report.cases++;
  }
  // 5b. a city case decided, transferred to the police (行刑衔接), executed and closed
  if (cGen2) {
    const kase = await openCase(db, cityA, { enterpriseId: own.id, hazardIds: [cGen2.id], inspectionId: c.id, title: '擅自关闭、破坏直接关系生产安全的监控报警设备', facts: '该单位擅自关闭原料仓库可燃气体报警装置，具有发生重大伤亡事故的现实危险。', legalBasis: '《中华人民共和国安全生产法》第三十六条、第九十九条' }, at(-29));
    await advanceCase(db, cityA, kase, {}, at(-29));
    await addEvidence(db, cityA, kase, { kind: '询问笔录', description: '对值班人员的询问笔录', collectedOn: addDays(today, -29) }, at(-29));
    await addMeasure(db, cityA, kase, { kind: 'fine_unit', amount: 100000 }, at(-28));
    await addMeasure(db, cityA, kase, { kind: 'fine_person', amount: 20000, personName: '周建国', personRole: '主要负责人' }, at(-28));
    await advanceCase(db, cityA, kase, {}, at(-27));
    await advanceCase(db, depthead, kase, { statementWaived: true }, at(-24));
    await transferCase(db, depthead, kase, { agency: '南京市公安局', suspectedOffence: '危险作业罪', summary: '擅自关闭可燃气体报警装置，具有发生重大伤亡事故的现实危险，涉嫌危险作业罪。', transferredOn: addDays(today, -23), receiptNo: '宁公受〔' + today.slice(0, 4) + '〕17号' }, at(-23));
    await advanceCase(db, cityA, kase, {}, at(-22));
    const measures = await rows<{ id: number }>(db, sql`SELECT id FROM case_measures WHERE enterprise_id = ${own.id} AND case_id = ${kase} ORDER BY id`);
    for (const m of measures) await executeMeasure(db, cityA, kase, m.id, addDays(today, -15), at(-15));
    await advanceCase(db, depthead, kase, { note: '罚款已缴清，案件移送公安机关' }, at(-14));
    report.cases++;
  }
  // 6. 自查自改: the officer's self-inspection 6 days ago — a general hazard (reported, for the enterprise to confirm) and a
  //    major one (for the district department to confirm); and a report the district dismissed
  await recordSelfInspection(db, officer, own.id, {
    clientId: cid('self'), title: '月度安全生产自查', conductedOn: addDays(today, -6), participants: '安全部、设备部、生产部', summary: '按月度计划开展综合自查',
    findings: [
      { description: '二号车间灭火器压力不足', location: '二号车间', level: 'general', deadline: addDays(today, 4), responsiblePerson: '生产部 赵主管' },
      { description: '储罐区防火堤有裂缝', location: '储罐区', level: 'major', deadline: addDays(today, 20), responsiblePerson: '设备部 李工' },
      { description: '厂区道路限速标志缺失', location: '厂区道路', level: 'general', deadline: addDays(today, 10) },
    ],
  }, at(-6));
  const selfHazards = await rows<Json>(db, sql`SELECT id, department_id FROM hazards WHERE enterprise_id = ${own.id} AND source = 'self_inspection' ORDER BY id`);
  const deptStaff = selfHazards[2]?.department_id ? await principal(db, sql`u.department_id = ${selfHazards[2].department_id} AND u.role = 'inspector'`) : null;
  if (deptStaff && selfHazards[2]) await step(deptStaff, selfHazards[2].id, -2, 'dismiss', { note: '经核实该路段为企业内部非机动车道，不构成事故隐患' });
  report.hazards += selfHazards.length;
  // 7. a draft the district inspector has not signed yet (started this morning)
  await inspect({ by: inspector, co: colleague, enterpriseId: third.id, day: 0, reason: 'complaint', findings: [{ pick: 'general', description: '员工宿舍私拉电线', location: '员工宿舍' }], draftOnly: true });
  // the daily escalation, as it would have run this morning
  const esc = await escalateHazards(db, now);
  log(`inspection demo: ${report.inspections} signed inspections, ${report.hazards} hazards (${esc.raised} escalated), ${report.cases} cases`);
  return report;
}
