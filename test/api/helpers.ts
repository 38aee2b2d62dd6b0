/**
 * Helpers shared by the API suites: requests as a signed-in user, multipart uploads built by hand (no
 * form-auto-content in node_modules), spreadsheet files, and polling an import job to its end.
 */
import ExcelJS from 'exceljs';
import type { App } from '../../src/server.ts';
import { enterprise } from '../support/fixture.ts';
import type { EnterpriseInput } from '../../src/core/registry/enterprise.ts';

export const API = '/api/v1';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Req {
  method: Method;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export async function call(app: App, cookie: string | null, req: Req) {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (cookie) headers.cookie = cookie;
  return app.inject({
    method: req.method,
    url: req.url.startsWith('/api/') ? req.url : `${API}${req.url}`,
    headers,
    ...(req.payload !== undefined ? { payload: req.payload as string } : {}),
  });
}

/** A multipart/form-data body with text fields and one file, built by hand. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const boundary = `----anjianTest${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      file.content,
      Buffer.from('\r\n', 'utf8'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** CSV text of rows (cells quoted when they need it). */
export function csvText(rows: (string | number)[][]): string {
  return rows
    .map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(','))
    .join('\r\n');
}

export async function xlsxBuffer(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row) => {
    const values = row.values as unknown[];
    out.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))));
  });
  return out;
}

export interface JobView {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result?: {
    total: number;
    created: number;
    updated: number;
    skipped: number;
    written: boolean;
    errors: { row: number; field: string; message: string }[];
  };
  error?: { code: string; message: string };
}

export async function waitJob(app: App, cookie: string, jobId: string, locale?: string): Promise<JobView> {
  for (let i = 0; i < 400; i++) {
    const res = await call(app, cookie, { method: 'GET', url: `/jobs/${jobId}`, ...(locale ? { headers: { 'accept-language': locale } } : {}) });
    if (res.statusCode !== 200) throw new Error(`job ${jobId}: ${res.statusCode} ${res.body}`);
    const job = res.json() as JobView;
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Uploads a file to the import and waits for its job. */
export async function importFile(
  app: App,
  cookie: string,
  file: { name: string; content: Buffer },
  opts: { allowPartial?: boolean; locale?: string } = {},
): Promise<JobView> {
  const body = multipart(opts.allowPartial ? { allowPartial: 'true' } : {}, file);
  const res = await call(app, cookie, {
    method: 'POST',
    url: '/enterprises/import',
    payload: body.payload,
    headers: { ...body.headers, ...(opts.locale ? { 'accept-language': opts.locale } : {}) },
  });
  if (res.statusCode !== 202) throw new Error(`import: ${res.statusCode} ${res.body}`);
  return waitJob(app, cookie, (res.json() as { jobId: string }).jobId, opts.locale);
}

/** An EnterpriseInput body for POST /enterprises (the API's shape: no nulls where it wants strings). */
export function enterpriseBody(over: Partial<EnterpriseInput> & { uscc: string; name: string; regionCode: string }) {
  const e = enterprise(over);
  return { ...e, smallVenueCategory: e.smallVenueCategory ?? undefined, landlordUscc: e.landlordUscc ?? undefined };
}

/** The PUT body that leaves a record as the detail shows it, with changes. */
export function updateBody(detail: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  const landlord = detail.landlord as { uscc: string } | null;
  return {
    uscc: detail.uscc,
    name: detail.name,
    regionCode: detail.regionCode,
    address: detail.address,
    industryDomain: detail.industryDomain,
    industryCode: detail.industryCode,
    employees: detail.employees,
    labourIntensive: detail.labourIntensive,
    keyEnterprise: detail.keyEnterprise,
    standardizationLevel: detail.standardizationLevel,
    riskLevel: detail.riskLevel,
    creditGrade: detail.creditGrade,
    legalRepresentative: detail.legalRepresentative,
    legalRepresentativePhone: detail.legalRepresentativePhone,
    safetyOfficer: detail.safetyOfficer,
    safetyOfficerPhone: detail.safetyOfficerPhone,
    smallVenueCategory: detail.smallVenueCategory ?? undefined,
    landlordUscc: landlord?.uscc ?? undefined,
    version: detail.version,
    ...changes,
  };
}
