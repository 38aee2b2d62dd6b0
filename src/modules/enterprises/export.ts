import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { INDUSTRY_DOMAINS } from '../../core/reference/domains.ts';
import { SMALL_VENUE_CATEGORIES } from '../../core/reference/dictionaries.ts';
import type { Locale } from '../../i18n/messages.ts';
import { COLUMNS, header } from './columns.ts';
import * as repo from './enterprises.repo.ts';
import { authorize, enterprisePolicy } from './enterprises.policy.ts';

const RISK = { 'zh-CN': { red: '红', orange: '橙', yellow: '黄', blue: '蓝' }, 'en-US': { red: 'red', orange: 'orange', yellow: 'yellow', blue: 'blue' } };
const STD = { 'zh-CN': { '1': '一级', '2': '二级', '3': '三级', none: '未定级' }, 'en-US': { '1': '1', '2': '2', '3': '3', none: 'none' } };
const yes = (locale: Locale, v: boolean) => (locale === 'en-US' ? (v ? 'yes' : 'no') : v ? '是' : '否');

/** 导出 every list exports to .xlsx: the filtered register, streamed in keyset pages (no offset scans). */
export async function exportEnterprises(opts: {
  db: Db;
  principal: Principal;
  filter: repo.ListFilter;
  locale: Locale;
  out: Writable;
}) {
  authorize(enterprisePolicy.canExport(opts.principal));
  const { locale } = opts;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: opts.out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(locale === 'en-US' ? 'Enterprises' : '企业名录');
  ws.columns = [...COLUMNS.map((c) => ({ header: header(c, locale), key: c.key, width: c.width })), { header: locale === 'en-US' ? 'Region name' : '所属区划', key: 'regionName', width: 16 }];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const where = repo.filterSql(scopeOf(opts.principal), opts.filter);
  const domainName = new Map(INDUSTRY_DOMAINS.map((d) => [d.code as string, d.label[locale]]));
  const landlordCodes = new Map<number, string>();
  let after: { name: string; id: number } | null = null;
  for (;;) {
    const batch = await repo.listAfter(opts.db, where, after, 2000);
    if (batch.length === 0) break;
    const missing = [...new Set(batch.map((b) => b.landlord_id).filter((x): x is number => x !== null && !landlordCodes.has(x)))];
    if (missing.length) {
      const briefs = await Promise.all(missing.map((id) => repo.findBrief(opts.db, scopeOf(opts.principal), id)));
      briefs.forEach((b, i) => landlordCodes.set(missing[i]!, b?.uscc ?? ''));
    }
    for (const r of batch) {
      ws.addRow({
        uscc: r.uscc,
        name: r.name,
        regionCode: r.region_code,
        industryDomain: domainName.get(r.industry_domain) ?? r.industry_domain,
        industryCode: r.industry_code ?? '',
        address: r.address,
        employees: r.employees,
        labourIntensive: yes(locale, r.labour_intensive),
        keyEnterprise: yes(locale, r.key_enterprise),
        standardizationLevel: STD[locale][r.standardization_level as keyof (typeof STD)['zh-CN']] ?? r.standardization_level,
        riskLevel: RISK[locale][r.risk_level as keyof (typeof RISK)['zh-CN']] ?? r.risk_level,
        creditGrade: r.credit_grade,
        legalRepresentative: r.legal_representative,
        legalRepresentativePhone: r.legal_representative_phone,
        safetyOfficer: r.safety_officer,
        safetyOfficerPhone: r.safety_officer_phone,
        smallVenueCategory: r.small_venue_category ?? '',
        landlordUscc: r.landlord_id ? (landlordCodes.get(r.landlord_id) ?? '') : '',
        regionName: r.region_name,
      }).commit();
    }
    const last = batch[batch.length - 1]!;
    after = { name: last.name, id: last.id };
  }
  ws.commit();
  await wb.commit();
}

/** 导入模板 the import template: Chinese headers (required ones marked), text-formatted code columns, an example and a 说明 sheet. */
export async function importTemplate(locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(locale === 'en-US' ? 'Enterprises' : '企业名录');
  ws.columns = COLUMNS.map((c) => ({ header: header(c, locale), key: c.key, width: c.width, style: { numFmt: '@' } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    if (c.required) head.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.addRow({
    uscc: '91350100M000100Y43',
    name: locale === 'en-US' ? 'Example Chemical Co., Ltd.' : '示例化工有限公司',
    regionCode: '320115',
    industryDomain: locale === 'en-US' ? 'hazchem' : '危险化学品',
    industryCode: 'C2614',
    address: locale === 'en-US' ? '1 Example Road' : '江宁区示例路1号',
    employees: '120',
    labourIntensive: yes(locale, false),
    keyEnterprise: yes(locale, true),
    standardizationLevel: locale === 'en-US' ? '2' : '二级',
    riskLevel: locale === 'en-US' ? 'orange' : '橙',
    creditGrade: 'B',
    legalRepresentative: '张三',
    legalRepresentativePhone: '13800000000',
    safetyOfficer: '李四',
    safetyOfficerPhone: '13900000000',
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet(locale === 'en-US' ? 'Help' : '说明');
  help.columns = [{ width: 22 }, { width: 80 }];
  const zh = locale !== 'en-US';
  help.addRow([zh ? '说明' : 'Notes']).font = { bold: true };
  help.addRow([zh ? '必填列' : 'Required', COLUMNS.filter((c) => c.required).map((c) => header(c, locale)).join(zh ? '、' : ', ')]);
  help.addRow([zh ? '行业领域' : 'Domains', INDUSTRY_DOMAINS.map((d) => (zh ? d.label['zh-CN'] : d.code)).join(zh ? '、' : ', ')]);
  help.addRow([zh ? '风险等级' : 'Risk level', zh ? '红、橙、黄、蓝（空为蓝）' : 'red, orange, yellow, blue (empty = blue)']);
  help.addRow([zh ? '信用等级' : 'Credit grade', zh ? 'A、B、C、D（空为 B）' : 'A, B, C, D (empty = B)']);
  help.addRow([zh ? '标准化等级' : 'Standardisation', zh ? '一级、二级、三级、未定级' : '1, 2, 3, none']);
  help.addRow([zh ? '是/否列' : 'Yes/no columns', zh ? '是、否' : 'yes, no (是/否)']);
  help.addRow([zh ? '小场所类别' : 'Small venues', SMALL_VENUE_CATEGORIES.map((c) => (zh ? c.label['zh-CN'] : c.code)).join(zh ? '、' : ', ')]);
  help.addRow([zh ? '重复导入' : 'Re-import', zh ? '已登记的信用代码将被更新，不会重复' : 'A registered code is updated, not duplicated']);
  help.addRow([zh ? '出错时' : 'On errors', zh ? '任一行有误则不写入任何数据，并列出所有错误行' : 'If any row is bad nothing is written; every bad row is listed']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
