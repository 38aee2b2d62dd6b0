/**
 * The official layout of each enforcement document, as blocks a renderer draws on A4: the issuing authority, the
 * title, the number, the template's fixed legal wording with the blanks filled (fills are underlined, as on the printed
 * forms), the lists, the signature lines and the 印章 area. Pure: the PDF renderer (src/modules/documents/pdf) only
 * draws what this says, so the wording is tested here and read back from the PDFs.
 *
 * Wording follows the national 安全生产执法文书 templates (domain.md §6) brought up to the laws now in force:
 * 《安全生产法》(2021) Art. 65 (on-site measures), 《行政处罚法》(2021) Arts. 44, 45, 63, 64 (notice, statement and
 * defence, hearing), Arts. 67, 72 (payment within 15 days, 3 % a day when late), Art. 27 and 国务院令第310号 Arts. 3, 6, 8
 * (transfer of a suspected crime), 《行政复议法》(2023) and 《行政诉讼法》 (60 days / 6 months).
 */
import {
  DOCUMENT_KIND_INFO,
  type DocumentKind,
  type FrozenDocument,
  type FrozenSignature,
  type Officer,
  type Penalty,
  type Person,
  type Remedy,
  type SignatureRole,
  type OnSiteMeasureType,
} from './model.ts';
import { chineseDate, chinesePeriod, fineText, itemNumbers } from './wording.ts';

/** A run of text; `fill` marks what the template leaves blank (drawn underlined). */
export interface Run {
  text: string;
  fill?: boolean;
  bold?: boolean;
}

export interface SignatureSlot {
  /** e.g. 执法人员（签名） */
  label: string;
  name: string;
  /** 证号 printed beside an officer's signature */
  certificateNo?: string;
  /** the drawn signature, if signed on screen */
  pngBase64?: string;
  /** ISO instant of signing; none: a blank date line to sign on paper */
  signedAt?: string;
}

export interface TableCell {
  /** paragraphs of the cell */
  paras: Run[][];
  /** a label cell (shaded, centred) */
  label?: boolean;
  /** share of the table width */
  width: number;
  /** signatures drawn at the foot of the cell */
  signatures?: SignatureSlot[];
}

export type Block =
  | { t: 'issuer'; text: string }
  | { t: 'title'; text: string }
  | { t: 'number'; text: string }
  | { t: 'addressee'; runs: Run[] }
  | { t: 'para'; runs: Run[]; indent?: boolean }
  | { t: 'heading'; text: string }
  | { t: 'fields'; rows: { label: string; value: string }[][] }
  | { t: 'list'; items: Run[][] }
  | { t: 'table'; rows: TableCell[][] }
  | { t: 'signatures'; slots: SignatureSlot[] }
  | { t: 'seal'; issuer: string; date: string }
  | { t: 'note'; text: string }
  | { t: 'gap'; size: number };

export interface DocumentLayout {
  /** PDF metadata title */
  title: string;
  number: string;
  blocks: Block[];
}

const fill = (text: string): Run => ({ text, fill: true });
const txt = (text: string): Run => ({ text });
const para = (...runs: Run[]): Block => ({ t: 'para', runs, indent: true });

const MEASURE_WORDS: Record<OnSiteMeasureType, string> = {
  evacuate: '从危险区域内撤出作业人员',
  suspend_production: '暂时停产停业',
  stop_use: '停止使用相关设施、设备',
  seal: '查封、扣押',
  other: '其他措施',
};

/** The fixed 复议/诉讼 sentence of orders and decisions. */
export function remedySentence(remedy: Remedy | undefined, what: '本指令' | '本决定'): string {
  const body = remedy?.reconsiderationBody ? `${remedy.reconsiderationBody}` : '本级人民政府';
  const court = remedy?.court ?? '人民法院';
  return `如果不服${what}，可以依法在60日内向${body}申请行政复议，或者在6个月内依法向${court}提起行政诉讼，但${what}不停止执行，法律另有规定的除外。`;
}

function signatureSlots(doc: FrozenDocument, role: SignatureRole, label: string, expected: { name: string; certificateNo?: string }[]): SignatureSlot[] {
  const signed = doc.signatures.filter((s) => s.role === role);
  const used = new Set<FrozenSignature>();
  const slots: SignatureSlot[] = expected.map((e) => {
    const s = signed.find((x) => !used.has(x) && x.name === e.name);
    if (s) used.add(s);
    return slot(label, e.name, e.certificateNo ?? s?.certificateNo, s);
  });
  for (const s of signed) if (!used.has(s)) slots.push(slot(label, s.name, s.certificateNo, s));
  return slots;
}

function slot(label: string, name: string, certificateNo: string | undefined, s: FrozenSignature | undefined): SignatureSlot {
  return {
    label,
    name,
    ...(certificateNo ? { certificateNo } : {}),
    ...(s?.pngBase64 ? { pngBase64: s.pngBase64 } : {}),
    ...(s ? { signedAt: s.signedAt } : {}),
  };
}

function officerSlots(doc: FrozenDocument, officers: Officer[], label = '执法人员（签名）'): SignatureSlot[] {
  return signatureSlots(doc, 'inspector', label, officers);
}

function enterpriseSlot(doc: FrozenDocument, label: string, expected?: string): SignatureSlot[] {
  const slots = signatureSlots(doc, 'enterprise', label, expected ? [{ name: expected }] : []);
  return slots.length ? slots : [{ label, name: '' }];
}

function partyFields(doc: FrozenDocument, unitLabel = '被检查单位') {
  const e = doc.enterprise;
  return [
    [{ label: unitLabel, value: e.name }],
    [{ label: '地址', value: e.address || '—' }],
    [
      { label: '法定代表人（负责人）', value: e.legalRepresentative || '—' },
      { label: '联系电话', value: e.phone || '—' },
    ],
    [{ label: '统一社会信用代码', value: e.uscc }],
  ];
}

function personFields(p: Person, label = '被处罚人') {
  return [
    [
      { label, value: p.name },
      { label: '职务', value: p.title ?? '—' },
    ],
    ...(p.idNumber ? [[{ label: '身份证号码', value: p.idNumber }]] : []),
    ...(p.address || p.phone ? [[{ label: '住址', value: p.address ?? '—' }, { label: '联系电话', value: p.phone ?? '—' }]] : []),
  ];
}

function header(doc: FrozenDocument): Block[] {
  return [
    { t: 'issuer', text: doc.issuer.name },
    { t: 'title', text: DOCUMENT_KIND_INFO[doc.kind].title },
    { t: 'number', text: doc.number },
  ];
}

function seal(doc: FrozenDocument): Block {
  return { t: 'seal', issuer: doc.issuer.name, date: chineseDate(doc.issuedAt) };
}

function findingRuns(f: { item?: string; description: string; legalBasis?: string; major?: boolean; location?: string }): Run[] {
  const runs: Run[] = [];
  if (f.major) runs.push({ text: '【重大事故隐患】', bold: true });
  runs.push(fill(f.description));
  if (f.location) runs.push(txt('（部位：'), fill(f.location), txt('）'));
  if (f.legalBasis) runs.push(txt('，违反了'), fill(f.legalBasis), txt('的规定'));
  if (f.item && f.item !== f.description) runs.push(txt('（检查事项：'), fill(f.item), txt('）'));
  runs.push(txt('。'));
  return runs;
}

/** 对你单位 / 对你单位主要负责人张三 */
function targetOf(p: Penalty, person: Person | undefined): string {
  if (p.target === 'unit') return '你单位';
  return person ? `${person.title ? `你单位${person.title}` : ''}${person.name}` : '有关责任人员';
}

export function penaltyMeasures(p: Penalty): string {
  const parts: string[] = [];
  if (p.fineYuan !== null && p.fineYuan > 0) parts.push(fineText(p.fineYuan));
  for (const o of p.other ?? []) parts.push(o);
  return parts.join('、');
}

function penaltyParas(penalties: Penalty[], person: Person | undefined, verb: '拟' | '决定'): Block[] {
  return penalties.map((p) =>
    para(
      txt('以上行为违反了'),
      fill(p.violated),
      txt('的规定，依据'),
      fill(p.basis),
      txt(`的规定，${verb === '拟' ? '拟对' : '决定对'}${targetOf(p, person)}${verb === '拟' ? '作出' : '给予'}`),
      fill(penaltyMeasures(p)),
      txt('的行政处罚。'),
    ),
  );
}

/** The layout of an issued document. */
export function layoutDocument(doc: FrozenDocument): DocumentLayout {
  const c = doc.content;
  const blocks: Block[] = header(doc);
  const e = doc.enterprise;
  const addressee: Block = { t: 'addressee', runs: [fill(e.name), txt('：')] };
  switch (c.kind) {
    case 'inspection_record': {
      blocks.push({
        t: 'fields',
        rows: [...partyFields(doc), [{ label: '检查场所', value: c.place }], [{ label: '检查时间', value: chinesePeriod(c.startedAt, c.endedAt) }]],
      });
      blocks.push(
        para(
          txt('我们是'),
          fill(doc.issuer.name),
          txt('的执法人员'),
          fill(c.inspectors.map((o) => o.name).join('、')),
          txt('，证件号码为'),
          fill(c.inspectors.map((o) => o.certificateNo).join('、')),
          txt('，这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予以配合。'),
        ),
      );
      blocks.push({ t: 'heading', text: '检查情况：' }, para(fill(c.situation)));
      if (c.findings.length) {
        blocks.push({ t: 'heading', text: '发现的问题和事故隐患：' }, { t: 'list', items: c.findings.map(findingRuns) });
      } else {
        blocks.push(para(txt('本次检查未发现安全生产违法行为和事故隐患。')));
      }
      if (c.certificatesChecked?.length) {
        blocks.push({ t: 'heading', text: '人员及证书查验情况（逢查必检）：' }, { t: 'list', items: c.certificatesChecked.map((l) => [fill(l)]) });
      }
      blocks.push({ t: 'gap', size: 8 });
      blocks.push({
        t: 'signatures',
        slots: [
          ...officerSlots(doc, c.inspectors, '检查人员（签名）'),
          ...enterpriseSlot(doc, '被检查单位现场负责人（签名）', c.onSiteRepresentative.name),
        ],
      });
      blocks.push({ t: 'note', text: '本记录由检查人员和被检查单位现场负责人签字；被检查单位现场负责人拒绝签字的，检查人员应当将情况记录在案，并向本部门报告。' });
      break;
    }
    case 'onsite_measures': {
      blocks.push(addressee);
      blocks.push(para(txt('本机关在现场检查时，发现你单位存在下列安全生产违法行为和事故隐患：')));
      blocks.push({ t: 'list', items: c.findings.map(findingRuns) });
      blocks.push(para(txt('依据'), fill(c.legalBasis ?? '《中华人民共和国安全生产法》第六十五条第一款第（三）项'), txt('的规定，现作出如下现场处理决定：')));
      blocks.push({ t: 'list', items: c.measures.map((m) => [txt(`${MEASURE_WORDS[m.type]}：`), fill(m.text)]) });
      if (c.measures.some((m) => m.type !== 'other')) {
        blocks.push(para(txt('重大事故隐患排除后，经本机关审查同意，方可恢复生产经营和使用。')));
      }
      blocks.push(para(txt(remedySentence(c.remedy, '本决定'))));
      blocks.push({ t: 'gap', size: 8 });
      blocks.push({ t: 'signatures', slots: [...officerSlots(doc, c.inspectors), ...enterpriseSlot(doc, '被检查单位负责人（签名）')] });
      blocks.push(seal(doc));
      blocks.push({ t: 'note', text: '本文书一式两份：一份由被检查单位留存，一份归档。' });
      break;
    }
    case 'rectification_order': {
      blocks.push(addressee);
      blocks.push(para(txt('经查，你单位存在下列问题：')));
      blocks.push({ t: 'list', items: c.items.map((it) => findingRuns({ description: it.description, ...(it.legalBasis ? { legalBasis: it.legalBasis } : {}), ...(it.major ? { major: true } : {}) })) });
      const immediate = c.items.flatMap((it, i) => (it.immediate ? [i + 1] : []));
      const byDeadline = new Map<string, number[]>();
      c.items.forEach((it, i) => {
        if (!it.immediate && it.deadline) byDeadline.set(it.deadline, [...(byDeadline.get(it.deadline) ?? []), i + 1]);
      });
      const orders: Run[] = [txt('现责令你单位对上述')];
      const parts: Run[][] = [];
      if (immediate.length) parts.push([fill(itemNumbers(immediate)), txt('问题立即整改')]);
      for (const [day, ns] of [...byDeadline.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        parts.push([fill(itemNumbers(ns)), txt('问题于'), fill(chineseDate(day)), txt('前整改完毕')]);
      }
      parts.forEach((p, i) => orders.push(...(i > 0 ? [txt('；对')] : []), ...p));
      orders.push(txt('，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。'));
      // "对上述第1项…；对第2项…": the first part reads 对上述, the others 对
      blocks.push({ t: 'para', runs: orders, indent: true });
      blocks.push(para(txt('整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。')));
      blocks.push(para(txt(remedySentence(c.remedy, '本指令'))));
      blocks.push({ t: 'gap', size: 8 });
      blocks.push({ t: 'signatures', slots: [...officerSlots(doc, c.inspectors), ...enterpriseSlot(doc, '被检查单位负责人（签名）')] });
      blocks.push(seal(doc));
      blocks.push({ t: 'note', text: '本文书一式两份：一份由被检查单位留存，一份归档。' });
      break;
    }
    case 'review_opinion': {
      blocks.push(addressee);
      blocks.push(
        para(
          txt('本机关于'),
          fill(chineseDate(c.original.issuedOn)),
          txt('作出了《'),
          fill(DOCUMENT_KIND_INFO[c.original.kind as DocumentKind].title),
          txt('》（'),
          fill(c.original.number),
          txt('），经于'),
          fill(chineseDate(c.reviewedOn)),
          txt('对你单位整改情况进行复查，提出如下意见：'),
        ),
      );
      blocks.push({
        t: 'list',
        items: c.results.map((r) => [fill(r.item), txt('：'), fill(r.rectified ? '已整改' : '未整改'), ...(r.note ? [txt('（'), fill(r.note), txt('）')] : []), txt('。')]),
      });
      blocks.push(para(fill(c.opinion)));
      blocks.push(
        para(
          txt(
            c.conclusion === 'passed'
              ? '经复查，上述问题已整改完毕，达到有关法律法规规章和标准规定的要求。'
              : '经复查，你单位未按要求完成整改。你单位应当立即采取措施，消除事故隐患；逾期未整改的，本机关将依法予以处理。',
          ),
        ),
      );
      blocks.push({ t: 'gap', size: 8 });
      blocks.push({ t: 'signatures', slots: [...officerSlots(doc, c.inspectors, '复查人员（签名）'), ...enterpriseSlot(doc, '被复查单位负责人（签名）')] });
      blocks.push(seal(doc));
      blocks.push({ t: 'note', text: '本文书一式两份：一份由被复查单位留存，一份归档。' });
      break;
    }
    case 'case_filing': {
      const w = { label: 0.2, value: 0.8 };
      const row = (label: string, value: Run[][], signatures?: SignatureSlot[]): TableCell[] => [
        { paras: [[txt(label)]], label: true, width: w.label },
        { paras: value, width: w.value, ...(signatures ? { signatures } : {}) },
      ];
      const party: Run[][] = [
        [txt('单位名称：'), fill(e.name)],
        [txt('地址：'), fill(e.address || '—')],
        [txt('法定代表人（负责人）：'), fill(e.legalRepresentative || '—'), txt('　联系电话：'), fill(e.phone || '—')],
        [txt('统一社会信用代码：'), fill(e.uscc)],
      ];
      if (c.responsiblePerson) {
        const p = c.responsiblePerson;
        party.push([txt('责任人员：'), fill(p.name), ...(p.title ? [txt('　职务：'), fill(p.title)] : [])]);
        if (p.idNumber) party.push([txt('身份证号码：'), fill(p.idNumber)]);
      }
      const reviewer = signatureSlots(doc, 'reviewer', '审核人（签名）', []);
      const approver = signatureSlots(doc, 'approver', '审批人（签名）', []);
      blocks.push({ t: 'note', text: `立案机关：${doc.issuer.name}\u3000\u3000填表日期：${chineseDate(doc.issuedAt)}` });
      blocks.push({
        t: 'table',
        rows: [
          row('案件名称', [[fill(c.caseName)]]),
          row('案件来源', [[fill(c.caseSource)]]),
          row('案由', [[fill(c.cause)]]),
          row('当事人', party),
          row('简要案情及立案理由', [[fill(c.summary)]]),
          row('承办人意见', [[fill(c.handlerOpinion)]], signatureSlots(doc, 'handler', '承办人（签名）', c.handlers)),
          row('审核意见', [[fill(c.reviewOpinion ?? '')]], reviewer.length ? reviewer : [{ label: '审核人（签名）', name: '' }]),
          row('审批意见', [[fill(c.approvalOpinion)]], approver.length ? approver : [{ label: '审批人（签名）', name: '' }]),
        ],
      });
      break;
    }
    case 'penalty_notice': {
      const person = c.responsiblePerson;
      const toPerson = c.penalties.some((p) => p.target === 'person') && person;
      blocks.push({ t: 'addressee', runs: [fill(e.name), ...(toPerson ? [txt('、'), fill(person.name)] : []), txt('：')] });
      blocks.push(para(txt('经查，'), fill(c.facts)));
      blocks.push(...penaltyParas(c.penalties, person, '拟'));
      blocks.push(
        para(
          txt(
            c.hearingRight
              ? '依据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，你（单位）有权进行陈述和申辩，并有权要求举行听证。你（单位）如要求陈述和申辩，应当在收到本告知书之日起3日内向本机关提出；要求听证的，应当在收到本告知书之日起5日内向本机关提出。逾期不提出的，视为放弃上述权利。'
              : '依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。你（单位）如要求陈述和申辩，应当在收到本告知书之日起3日内向本机关提出。逾期不提出的，视为放弃上述权利。',
          ),
        ),
      );
      blocks.push({ t: 'fields', rows: [[{ label: '联系人', value: c.contact.name }, { label: '联系电话', value: c.contact.phone }], [{ label: '本机关地址', value: c.contact.address }]] });
      blocks.push(seal(doc));
      blocks.push({ t: 'signatures', slots: signatureSlots(doc, 'recipient', '当事人（签收）', []).concat(doc.signatures.some((s) => s.role === 'recipient') ? [] : [{ label: '当事人（签收）', name: '' }]) });
      blocks.push({ t: 'note', text: '本文书一式两份：一份送达当事人，一份归档。' });
      break;
    }
    case 'penalty_decision': {
      const person = c.responsiblePerson;
      const rows = partyFields(doc, '被处罚单位');
      if (person && c.penalties.some((p) => p.target === 'person')) rows.push(...personFields(person));
      blocks.push({ t: 'fields', rows });
      blocks.push({ t: 'heading', text: '违法事实及证据：' });
      blocks.push(para(fill(c.facts)));
      blocks.push(para(txt('以上事实有下列证据证实：')));
      blocks.push({ t: 'list', items: c.evidence.map((l) => [fill(l)]) });
      if (c.statementHeard) blocks.push(para(fill(c.statementHeard)));
      blocks.push(...penaltyParas(c.penalties, person, '决定'));
      if (c.penalties.some((p) => p.fineYuan !== null && p.fineYuan > 0)) {
        const pay = c.payment;
        blocks.push(
          para(
            txt('罚款限于自收到本决定书之日起15日内'),
            ...(pay
              ? [txt('缴至'), fill(pay.bank), txt('（户名：'), fill(pay.accountName), txt('，账号：'), fill(pay.account), txt('）')]
              : [txt('到指定的银行或者通过电子支付系统缴纳')]),
            txt('。到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的3%加处罚款。'),
          ),
        );
      }
      blocks.push(para(txt(`${remedySentence(c.remedy, '本决定')}逾期不申请行政复议、不提起行政诉讼又不履行本决定的，本机关将依法申请人民法院强制执行。`)));
      blocks.push(seal(doc));
      blocks.push({ t: 'note', text: '本文书一式两份：一份送达被处罚单位（人），一份归档。' });
      break;
    }
    case 'criminal_transfer': {
      blocks.push({ t: 'addressee', runs: [fill(c.publicSecurityOrgan), txt('：')] });
      const suspects = c.suspects?.length ? `${e.name}及${c.suspects.map((s) => `${s.title ?? ''}${s.name}`).join('、')}` : e.name;
      blocks.push(
        para(
          fill(suspects),
          txt('涉嫌'),
          fill(c.suspectedCrime),
          txt('一案，经本机关调查，认为已涉嫌犯罪。依据《中华人民共和国行政处罚法》第二十七条和《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第三条的规定，现将该案移送你单位，请依法审查，并自接受移送之日起3日内作出立案或者不予立案的决定，书面告知本机关。'),
        ),
      );
      blocks.push({ t: 'heading', text: '涉嫌犯罪的主要事实：' }, para(fill(c.facts)));
      blocks.push({ t: 'heading', text: '附件：' }, { t: 'list', items: c.attachments.map((a) => [fill(a)]) });
      blocks.push(seal(doc));
      if (c.procuratorate) blocks.push({ t: 'note', text: `抄送：${c.procuratorate}` });
      break;
    }
  }
  return { title: DOCUMENT_KIND_INFO[doc.kind].title, number: doc.number, blocks };
}
