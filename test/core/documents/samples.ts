/**
 * Realistic content of each of the eight documents, as the inspection and case modules would hand it to issueDocument
 * (a dust-explosion workshop of a Jiangning chemical plant: findings on the 工贸 major-hazard criteria, an order, a
 * review, on-site measures, then a case with 一案双罚 and a transfer to the police). Shared by the core and API tests.
 */
import { deflateSync } from 'node:zlib';
import type { ContentOf, DocumentKind, DocumentSignature, FrozenDocument } from '../../../src/core/documents/model.ts';

export const OFFICERS = [
  { name: '王建国', certificateNo: '32011520190001' },
  { name: '李秀英', certificateNo: '32011520200017' },
];

const CRC_TABLE = (() => {
  const t: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t.push(c >>> 0);
  }
  return t;
})();
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * A signature-pad PNG (RGBA, transparent background, a dark stroke wave), made here byte by byte so the test does
 * not depend on an image library: the kind of image a phone's signature pad hands over.
 */
export function signaturePng(seed = 1, width = 240, height = 80): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const curve = height / 2 + Math.sin((x + seed * 17) / (9 + seed)) * (height / 4) + Math.cos(x / 23) * 6;
      const on = Math.abs(y - curve) < 2.2;
      const o = y * (width * 4 + 1) + 1 + x * 4;
      raw[o] = 20;
      raw[o + 1] = 20;
      raw[o + 2] = 60;
      raw[o + 3] = on ? 255 : 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const SIGNED_AT = '2026-03-02T03:30:00.000Z'; // 11:30 in Nanjing

export function officerSignatures(): DocumentSignature[] {
  return OFFICERS.map((o, i) => ({ role: 'inspector', name: o.name, certificateNo: o.certificateNo, image: { pngBase64: signaturePng(i + 1).toString('base64') }, signedAt: SIGNED_AT }));
}

const major = '《工贸企业重大事故隐患判定标准》第十一条第（四）项';

export const SAMPLE_CONTENT: { [K in DocumentKind]: ContentOf<K> } = {
  inspection_record: {
    kind: 'inspection_record',
    place: '二号粉碎车间、原料仓库及配电房',
    startedAt: '2026-03-02T01:00:00.000Z',
    endedAt: '2026-03-02T03:30:00.000Z',
    inspectors: OFFICERS,
    onSiteRepresentative: { name: '赵志刚', title: '安全生产管理人员' },
    situation: '检查了粉尘涉爆车间的除尘系统、防爆电气、安全管理制度和特种作业人员持证情况，查阅了隐患排查治理台账。',
    findings: [
      { item: '粉尘爆炸危险场所除尘系统', description: '铝镁粉尘除尘系统采用正压吹送粉尘，未采取可靠的防范点燃源措施', legalBasis: major, major: true, location: '二号粉碎车间' },
      { item: '灭火器材', description: '配电房内2具灭火器压力不足', location: '配电房' },
    ],
    certificatesChecked: ['孙立 特种作业操作证（低压电工作业）T320115198001011234 有效', '周强 特种作业操作证（焊接与热切割作业）已过期'],
  },
  onsite_measures: {
    kind: 'onsite_measures',
    findings: [{ item: '粉尘爆炸危险场所除尘系统', description: '铝镁粉尘除尘系统采用正压吹送粉尘，未采取可靠的防范点燃源措施', legalBasis: major, major: true, location: '二号粉碎车间' }],
    measures: [
      { type: 'evacuate', text: '立即从二号粉碎车间撤出全部作业人员' },
      { type: 'stop_use', text: '停止使用二号粉碎车间除尘系统及粉碎机组' },
    ],
    inspectors: OFFICERS,
  },
  rectification_order: {
    kind: 'rectification_order',
    items: [
      { description: '铝镁粉尘除尘系统采用正压吹送粉尘，未采取可靠的防范点燃源措施', legalBasis: major, major: true, immediate: false, deadline: '2026-03-31' },
      { description: '配电房内2具灭火器压力不足', legalBasis: '《中华人民共和国消防法》第十六条第一款第（二）项', immediate: true },
      { description: '特种作业人员周强焊接与热切割作业操作证已过期仍上岗作业', legalBasis: '《中华人民共和国安全生产法》第三十条第一款', immediate: false, deadline: '2026-03-16' },
    ],
    inspectors: OFFICERS,
  },
  review_opinion: {
    kind: 'review_opinion',
    original: { kind: 'rectification_order', number: '（宁江）应急责改〔2026〕1号', issuedOn: '2026-03-02' },
    reviewedOn: '2026-04-01',
    results: [
      { item: '铝镁粉尘除尘系统正压吹送', rectified: true, note: '已改为负压吸尘并加装火花探测熄灭装置' },
      { item: '配电房灭火器压力不足', rectified: true },
      { item: '周强操作证过期', rectified: false, note: '复审培训尚未取证，已调离焊接岗位' },
    ],
    opinion: '第1、2项已整改完毕；第3项人员已调离岗位，取证前不得从事焊接与热切割作业。',
    conclusion: 'failed',
    inspectors: OFFICERS,
  },
  case_filing: {
    kind: 'case_filing',
    caseName: '南京江宁测试化工有限公司未采取措施消除事故隐患案',
    caseSource: '现场检查',
    cause: '涉嫌未采取措施消除重大事故隐患',
    responsiblePerson: { name: '张三', title: '主要负责人', idNumber: '32011519700101001X' },
    summary: '2026年3月2日，执法人员在现场检查中发现该公司二号粉碎车间铝镁粉尘除尘系统采用正压吹送粉尘，属于重大事故隐患，该公司未采取措施消除。依据《安全生产违法行为行政处罚办法》的规定，建议立案调查。',
    handlers: OFFICERS,
    handlerOpinion: '建议立案调查。',
    reviewOpinion: '同意立案。',
    approvalOpinion: '同意立案，由王建国、李秀英承办。',
  },
  penalty_notice: {
    kind: 'penalty_notice',
    responsiblePerson: { name: '张三', title: '主要负责人' },
    facts: '你单位二号粉碎车间铝镁粉尘除尘系统采用正压吹送粉尘，未采取可靠的防范点燃源措施，属于重大事故隐患，你单位未采取措施消除。',
    penalties: [
      { target: 'unit', violated: '《中华人民共和国安全生产法》第四十一条第二款', basis: '《中华人民共和国安全生产法》第一百零二条', fineYuan: 50000 },
      { target: 'person', violated: '《中华人民共和国安全生产法》第四十一条第二款', basis: '《中华人民共和国安全生产法》第一百零二条', fineYuan: 20000 },
    ],
    hearingRight: true,
    contact: { name: '李秀英', phone: '025-52101234', address: '南京市江宁区竹山路565号' },
  },
  penalty_decision: {
    kind: 'penalty_decision',
    responsiblePerson: { name: '张三', title: '主要负责人', idNumber: '32011519700101001X', address: '南京市江宁区东山街道', phone: '13851000000' },
    facts: '你单位二号粉碎车间铝镁粉尘除尘系统采用正压吹送粉尘，未采取可靠的防范点燃源措施，属于重大事故隐患，你单位未采取措施消除。',
    evidence: ['现场检查记录（宁江）应急检记〔2026〕1号', '现场照片6张', '询问笔录2份', '营业执照复印件'],
    statementHeard: '你单位在法定期限内未提出陈述、申辩和听证要求。',
    penalties: [
      { target: 'unit', violated: '《中华人民共和国安全生产法》第四十一条第二款', basis: '《中华人民共和国安全生产法》第一百零二条', fineYuan: 50000, other: ['责令停产停业整顿'] },
      { target: 'person', violated: '《中华人民共和国安全生产法》第四十一条第二款', basis: '《中华人民共和国安全生产法》第一百零二条', fineYuan: 20000 },
    ],
    payment: { bank: '中国工商银行南京江宁支行', accountName: '南京市江宁区财政局', account: '4301010109100012345' },
  },
  criminal_transfer: {
    kind: 'criminal_transfer',
    publicSecurityOrgan: '南京市公安局江宁分局',
    suspectedCrime: '重大责任事故罪',
    suspects: [{ name: '张三', title: '主要负责人' }],
    facts: '2026年4月10日，该公司二号粉碎车间发生粉尘爆炸事故，造成1人死亡、2人受伤。经调查，该公司在责令停产停业整顿期间擅自组织生产，主要负责人张三明知存在重大事故隐患仍指挥作业。',
    attachments: ['涉嫌犯罪案件情况的调查报告', '涉案物品清单', '有关检验报告或者鉴定结论', '其他有关涉嫌犯罪的材料'],
    procuratorate: '南京市江宁区人民检察院',
  },
};

/** Signatures of each kind as they would be captured (officers on the pad, the enterprise representative too). */
export function sampleSignatures(kind: DocumentKind): DocumentSignature[] {
  const rep: DocumentSignature = { role: 'enterprise', name: '赵志刚', image: { pngBase64: signaturePng(7).toString('base64') }, signedAt: SIGNED_AT };
  switch (kind) {
    case 'inspection_record':
    case 'onsite_measures':
    case 'rectification_order':
    case 'review_opinion':
      return [...officerSignatures(), rep];
    case 'case_filing':
      return [
        ...officerSignatures().map((s) => ({ ...s, role: 'handler' as const })),
        { role: 'reviewer', name: '陈法制', signedAt: SIGNED_AT },
        { role: 'approver', name: '刘局长', image: { pngBase64: signaturePng(9).toString('base64') }, signedAt: SIGNED_AT },
      ];
    default:
      return [];
  }
}

/** A frozen document as issueDocument would store it (for the core tests of the layout). */
export function sampleFrozen<K extends DocumentKind>(kind: K, over: Partial<FrozenDocument> = {}): FrozenDocument {
  return {
    format: 1,
    kind,
    number: `（宁江）应急测〔2026〕1号`,
    issuedAt: '2026-03-02T03:40:00.000Z',
    issuer: { id: 1, name: '南京市江宁区应急管理局', abbreviation: '宁江', agencyWord: '应急', regionCode: '320115' },
    enterprise: { id: 1, name: '南京江宁测试化工有限公司', uscc: '91320115MA1000001X', address: '南京市江宁区秣陵街道测试路1号', legalRepresentative: '张三', phone: '13800000000' },
    source: { type: 'inspection', id: 1 },
    content: SAMPLE_CONTENT[kind],
    signatures: sampleSignatures(kind).map(({ image, ...s }) => ({ ...s, ...(image && 'pngBase64' in image ? { pngBase64: image.pngBase64 } : {}) })),
    ...over,
  };
}

/**
 * What a reader must find in each document (whitespace removed): the template's fixed legal wording and the blanks as
 * filled from SAMPLE_CONTENT. The number, the title, the issuer and the party are checked for every kind besides.
 */
export const EXPECTED_TEXT: { [K in DocumentKind]: string[] } = {
  inspection_record: [
    '被检查单位：南京江宁测试化工有限公司',
    '检查场所：二号粉碎车间、原料仓库及配电房',
    '检查时间：2026年3月2日9时00分至11时30分',
    '的执法人员王建国、李秀英，证件号码为32011520190001、32011520200017，这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予以配合。',
    '检查情况：检查了粉尘涉爆车间的除尘系统',
    '【重大事故隐患】铝镁粉尘除尘系统采用正压吹送粉尘，未采取可靠的防范点燃源措施（部位：二号粉碎车间），违反了《工贸企业重大事故隐患判定标准》第十一条第（四）项的规定',
    '配电房内2具灭火器压力不足',
    '人员及证书查验情况（逢查必检）',
    '周强特种作业操作证（焊接与热切割作业）已过期',
    '检查人员（签名）',
    '被检查单位现场负责人（签名）',
  ],
  onsite_measures: [
    '本机关在现场检查时，发现你单位存在下列安全生产违法行为和事故隐患：',
    '依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定，现作出如下现场处理决定：',
    '从危险区域内撤出作业人员：立即从二号粉碎车间撤出全部作业人员',
    '停止使用相关设施、设备：停止使用二号粉碎车间除尘系统及粉碎机组',
    '重大事故隐患排除后，经本机关审查同意，方可恢复生产经营和使用。',
    '如果不服本决定，可以依法在60日内向',
    '申请行政复议，或者在6个月内依法向',
    '提起行政诉讼，但本决定不停止执行，法律另有规定的除外。',
    '（印章）',
  ],
  rectification_order: [
    '经查，你单位存在下列问题：',
    '特种作业人员周强焊接与热切割作业操作证已过期仍上岗作业，违反了《中华人民共和国安全生产法》第三十条第一款的规定',
    '现责令你单位对上述第2项问题立即整改；对第3项问题于2026年3月16日前整改完毕；对第1项问题于2026年3月31日前整改完毕，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。',
    '整改期间，你单位应当采取措施，确保安全生产。对安全生产违法行为，将依法予以行政处罚。',
    '如果不服本指令，可以依法在60日内向',
    '但本指令不停止执行，法律另有规定的除外。',
    '被检查单位负责人（签名）',
    '（印章）',
  ],
  review_opinion: [
    '本机关于2026年3月2日作出了《责令限期整改指令书》（（宁江）应急责改〔2026〕1号），经于2026年4月1日对你单位整改情况进行复查，提出如下意见：',
    '铝镁粉尘除尘系统正压吹送：已整改（已改为负压吸尘并加装火花探测熄灭装置）',
    '周强操作证过期：未整改（复审培训尚未取证，已调离焊接岗位）',
    '经复查，你单位未按要求完成整改。',
    '复查人员（签名）',
    '被复查单位负责人（签名）',
  ],
  case_filing: [
    '案件名称南京江宁测试化工有限公司未采取措施消除事故隐患案',
    '案件来源现场检查',
    '案由涉嫌未采取措施消除重大事故隐患',
    '统一社会信用代码',
    '责任人员：张三职务：主要负责人',
    '身份证号码：32011519700101001X',
    '简要案情及立案理由',
    '承办人意见建议立案调查。',
    '审批意见同意立案，由王建国、李秀英承办。',
    '审批人（签名）',
  ],
  penalty_notice: [
    '经查，你单位二号粉碎车间铝镁粉尘除尘系统采用正压吹送粉尘',
    '以上行为违反了《中华人民共和国安全生产法》第四十一条第二款的规定，依据《中华人民共和国安全生产法》第一百零二条的规定，拟对你单位作出罚款人民币伍万元整（¥50,000.00）的行政处罚。',
    '拟对你单位主要负责人张三作出罚款人民币贰万元整（¥20,000.00）的行政处罚。',
    '依据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，你（单位）有权进行陈述和申辩，并有权要求举行听证。',
    '应当在收到本告知书之日起3日内向本机关提出；要求听证的，应当在收到本告知书之日起5日内向本机关提出。逾期不提出的，视为放弃上述权利。',
    '联系人：李秀英',
    '联系电话：025-52101234',
    '（印章）',
  ],
  penalty_decision: [
    '被处罚单位：南京江宁测试化工有限公司',
    '被处罚人：张三',
    '身份证号码：32011519700101001X',
    '违法事实及证据：',
    '以上事实有下列证据证实：',
    '现场检查记录（宁江）应急检记〔2026〕1号',
    '决定对你单位给予罚款人民币伍万元整（¥50,000.00）、责令停产停业整顿的行政处罚。',
    '决定对你单位主要负责人张三给予罚款人民币贰万元整（¥20,000.00）的行政处罚。',
    '罚款限于自收到本决定书之日起15日内缴至中国工商银行南京江宁支行（户名：南京市江宁区财政局，账号：4301010109100012345）',
    '每日按罚款数额的3%加处罚款。',
    '逾期不申请行政复议、不提起行政诉讼又不履行本决定的，本机关将依法申请人民法院强制执行。',
    '（印章）',
  ],
  criminal_transfer: [
    '南京市公安局江宁分局：',
    '南京江宁测试化工有限公司及主要负责人张三涉嫌重大责任事故罪一案，经本机关调查，认为已涉嫌犯罪。',
    '依据《中华人民共和国行政处罚法》第二十七条和《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第三条的规定，现将该案移送你单位，请依法审查，并自接受移送之日起3日内作出立案或者不予立案的决定，书面告知本机关。',
    '涉嫌犯罪的主要事实：2026年4月10日，该公司二号粉碎车间发生粉尘爆炸事故',
    '涉嫌犯罪案件情况的调查报告',
    '抄送：南京市江宁区人民检察院',
    '（印章）',
  ],
};
