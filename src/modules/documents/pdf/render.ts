/**
 * Draws a document's layout (src/core/documents/layout.ts) on A4 with pdfkit: the authority's name, the title in bold,
 * the number, the template's wording with the filled blanks underlined, lists with hanging numbers, the 立案审批表 as a
 * ruled table, signature lines with the drawn signatures, the 印章 area (a dashed circle over the authority's name and
 * the date, where the seal is pressed on the printed copy) and, for documents of more than one page, 第 i 页 共 n 页.
 *
 * Deterministic: the same frozen document gives the same bytes (the PDF's dates are the issuing time, the file ID is
 * derived from them, the font subset is named from the font's id), so a re-render can be checked against the stored PDF.
 * Runs in a worker thread (render-worker.ts); it does no I/O besides reading the fonts once.
 */
import PDFDocument from 'pdfkit';
import { layoutDocument, type Block, type Run, type SignatureSlot, type TableCell } from '../../../core/documents/layout.ts';
import { chineseDate } from '../../../core/documents/wording.ts';
import type { FrozenDocument } from '../../../core/documents/model.ts';
import { documentFonts, type DocumentFonts } from './fonts.ts';

/** Layout version: bump when the drawing changes (stored PDFs never change; new renders say which drawing they used). */
export const RENDERER_VERSION = 1;

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
/** Margins of the printed forms (GB/T 9704-2012 gives 37/35 mm for 公文; the forms use less), room for the page number. */
const MARGIN = { top: 25 * MM, bottom: 25 * MM, left: 28 * MM, right: 26 * MM };

/** Spacing of one rendering; a document whose seal would stand alone on its last page is drawn again, tighter. */
interface Spacing {
  body: number;
  lineGap: number;
  after: number;
}
const NORMAL: Spacing = { body: 12, lineGap: 5, after: 0.3 }; // 小四
const COMPACT: Spacing = { body: 11.5, lineGap: 2.5, after: 0.15 };

type Doc = PDFKit.PDFDocument;

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

const contentWidth = () => PAGE.width - MARGIN.left - MARGIN.right;
const bottomLimit = () => PAGE.height - MARGIN.bottom;

/** The text of a run, with an empty fill shown as a row of full-width spaces (an empty line to write on). */
function runText(r: Run): string {
  return r.fill && r.text.trim() === '' ? '　　　　　　' : r.text;
}

/** Runs → lines: a newline inside a run starts a new paragraph (pdfkit's continued text cannot break lines itself). */
function splitLines(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const r of runs) {
    const parts = r.text.replace(/\r\n?/g, '\n').split('\n');
    parts.forEach((t, i) => {
      if (i > 0) out.push([]);
      if (t.length || (r.fill && parts.length === 1)) out[out.length - 1]!.push({ ...r, text: t });
    });
  }
  return out;
}

const SIG = { boxWidth: 104, boxHeight: 30, rowHeight: 38 };
const CELL_PAD = 5;

class Painter {
  /** set when the seal had to start a page of its own */
  sealAlone = false;
  constructor(
    readonly doc: Doc,
    readonly s: Spacing,
  ) {}

  ensureSpace(height: number): boolean {
    if (this.doc.y + height > bottomLimit()) {
      this.doc.addPage();
      return true;
    }
    return false;
  }

  /** Writes one paragraph of runs at (x, y) within `width`; answers the y below it. */
  private writeLine(runs: Run[], x: number, y: number, width: number, opts: { indent?: number; align?: 'left' | 'center' | 'right'; size?: number }) {
    const doc = this.doc;
    const list = runs.filter((r) => runText(r).length > 0);
    doc.fontSize(opts.size ?? this.s.body);
    if (list.length === 0) {
      doc.font('regular').text(' ', x, y, { width, lineGap: this.s.lineGap });
      return doc.y;
    }
    list.forEach((r, i) => {
      doc.font(r.bold ? 'bold' : 'regular');
      const options: PDFKit.Mixins.TextOptions = { continued: i < list.length - 1, underline: !!r.fill, lineGap: this.s.lineGap, align: opts.align ?? 'left' };
      if (i === 0) doc.text(runText(r), x, y, { ...options, width, ...(opts.indent ? { indent: opts.indent } : {}) });
      else doc.text(runText(r), options);
    });
    doc.font('regular');
    return doc.y;
  }

  /** Paragraphs (runs split at newlines) one below the other. */
  writeRuns(runs: Run[], x: number, y: number, width: number, opts: { indent?: number; align?: 'left' | 'center' | 'right'; size?: number } = {}) {
    let cy = y;
    for (const line of splitLines(runs)) cy = this.writeLine(line, x, cy, width, opts);
    return cy;
  }

  runsHeight(runs: Run[], width: number, indent = 0, size = this.s.body): number {
    const doc = this.doc;
    doc.font('regular').fontSize(size);
    let h = 0;
    for (const line of splitLines(runs)) {
      const text = line.map(runText).join('') || ' ';
      h += doc.heightOfString(text, { width, lineGap: this.s.lineGap, indent });
    }
    return h;
  }

  textWidth(text: string, size: number) {
    return this.doc.font('regular').fontSize(size).widthOfString(text);
  }

  paragraph(runs: Run[], indent: boolean) {
    // a paragraph may run over pages: pdfkit breaks pages itself while flowing the text
    this.ensureSpace(this.s.body * 2);
    this.writeRuns(runs, MARGIN.left, this.doc.y, contentWidth(), indent ? { indent: this.s.body * 2 } : {});
    this.doc.x = MARGIN.left;
    this.doc.moveDown(this.s.after);
  }

  fields(rows: { label: string; value: string }[][]) {
    const width = contentWidth();
    for (const row of rows) {
      const w = width / row.length;
      const cells = row.map((f) => [{ text: `${f.label}：` }, { text: f.value || '—', fill: true }] as Run[]);
      const h = Math.max(...cells.map((c) => this.runsHeight(c, w - 8)));
      this.ensureSpace(h);
      const y = this.doc.y;
      cells.forEach((c, i) => this.writeRuns(c, MARGIN.left + i * w, y, w - 8));
      this.doc.x = MARGIN.left;
      this.doc.y = y + h + 2;
    }
    this.doc.moveDown(this.s.after);
  }

  list(items: Run[][]) {
    const hang = this.s.body * 2;
    const width = contentWidth() - hang;
    items.forEach((runs, i) => {
      this.ensureSpace(this.s.body * 2);
      const y = this.doc.y;
      this.doc.font('regular').fontSize(this.s.body).text(`${i + 1}.`, MARGIN.left + this.s.body * 0.5, y, { width: hang, lineBreak: false });
      this.writeRuns(runs, MARGIN.left + hang, y, width);
      this.doc.x = MARGIN.left;
      this.doc.moveDown(this.s.after * 0.6);
    });
    this.doc.moveDown(this.s.after);
  }

  /** One signature line: label, the drawn signature (or a line to sign on paper), 证号, date. */
  signatureLine(sl: SignatureSlot, x: number, y: number, width: number) {
    const doc = this.doc;
    const date = sl.signedAt ? chineseDate(sl.signedAt) : '　　年　　月　　日';
    const dateW = this.textWidth(date, this.s.body) + 2;
    const labelText = `${sl.label}：`;
    const labelW = Math.min(this.textWidth(labelText, this.s.body) + 2, width - SIG.boxWidth - dateW - 8);
    const labelH = this.runsHeight([{ text: labelText }], labelW);
    doc.font('regular').fontSize(this.s.body).text(labelText, x, y + Math.max(0, (SIG.boxHeight - labelH) / 2 + 4), { width: labelW, lineGap: 0 });
    const bx = x + labelW + 2;
    const png = sl.pngBase64 ? Buffer.from(sl.pngBase64, 'base64') : null;
    let drawn = false;
    if (png && png.length > 8) {
      try {
        doc.image(png, bx, y, { fit: [SIG.boxWidth, SIG.boxHeight], align: 'center', valign: 'center' });
        drawn = true;
      } catch {
        drawn = false; // an image pdfkit cannot read leaves the line to be signed on paper
      }
    }
    if (drawn) {
      doc.font('regular').fontSize(7.5).fillColor('#555555').text(sl.name, bx, y + SIG.boxHeight, { width: SIG.boxWidth, align: 'center', lineBreak: false });
      doc.fillColor('black');
    } else {
      doc.moveTo(bx + 4, y + 26).lineTo(bx + SIG.boxWidth - 4, y + 26).lineWidth(0.5).strokeColor('black').stroke();
    }
    const restX = bx + SIG.boxWidth + 4;
    const dateX = x + width - dateW;
    doc.font('regular').fontSize(this.s.body).text(date, dateX, y + 12, { width: dateW, lineBreak: false });
    if (sl.certificateNo) {
      const cert = `证号：${sl.certificateNo}`;
      const room = dateX - restX - 4;
      const size = this.textWidth(cert, 9) <= room ? 9 : 7;
      if (this.textWidth(cert, size) <= room) doc.fontSize(size).text(cert, restX, y + 14, { width: room, lineBreak: false });
      else doc.fontSize(7).text(cert, x, y + SIG.boxHeight, { width: labelW, lineBreak: false });
    }
    doc.fontSize(this.s.body);
  }

  signatures(slots: SignatureSlot[]) {
    for (const sl of slots) {
      if (this.ensureSpace(SIG.rowHeight + 2)) this.sealAlone = true;
      const y = this.doc.y;
      this.signatureLine(sl, MARGIN.left, y, contentWidth());
      this.doc.x = MARGIN.left;
      this.doc.y = y + SIG.rowHeight;
    }
    this.doc.moveDown(this.s.after);
  }

  /** The 印章 area: the authority's name and the date at the right, under a dashed circle (公章 ⌀ 42 mm). */
  seal(issuer: string, date: string) {
    const doc = this.doc;
    const d = 42 * MM;
    if (this.ensureSpace(d + 4)) this.sealAlone = true;
    const y = doc.y + 2;
    const right = PAGE.width - MARGIN.right;
    const boxW = Math.max(170, this.textWidth(issuer, this.s.body) + 20);
    const cx = right - boxW / 2;
    const cy = y + d / 2;
    doc.save();
    doc.circle(cx, cy, d / 2).lineWidth(0.6).dash(3, { space: 3 }).strokeColor('#c0392b').stroke();
    doc.restore();
    doc.font('regular').fontSize(9).fillColor('#c0392b').text('（印章）', cx - 40, cy - d / 2 + 14, { width: 80, align: 'center', lineBreak: false });
    doc.fillColor('black').fontSize(this.s.body);
    doc.text(issuer, right - boxW, cy - 4, { width: boxW, align: 'center', lineBreak: false });
    doc.text(date, right - boxW, cy + 14, { width: boxW, align: 'center', lineBreak: false });
    doc.x = MARGIN.left;
    doc.y = y + d + 2;
  }

  private parasHeight(paras: Run[][], width: number) {
    return paras.reduce((h, p) => h + this.runsHeight(p, width), 0);
  }

  private cellHeight(cell: TableCell, width: number): number {
    const text = this.parasHeight(cell.paras, width - CELL_PAD * 2);
    const sigs = (cell.signatures?.length ?? 0) * SIG.rowHeight;
    return Math.max(text + sigs + CELL_PAD * 2, this.s.body * 2.6);
  }

  table(rows: TableCell[][]) {
    const doc = this.doc;
    const width = contentWidth();
    const queue = rows.map((r) => r.map((c) => ({ ...c })));
    while (queue.length) {
      const row = queue.shift()!;
      const widths = row.map((c) => c.width * width);
      let h = Math.max(...row.map((c, i) => this.cellHeight(c, widths[i]!)));
      const room = bottomLimit() - doc.y;
      const fullPage = bottomLimit() - MARGIN.top;
      if (h > room && (h <= fullPage || room < fullPage * 0.25)) {
        doc.addPage();
        queue.unshift(row);
        continue;
      }
      if (h > room) {
        // taller than what is left of the page: draw the part of the tallest cell that fits, carry the rest over
        const i = row.reduce((best, c, k) => (this.cellHeight(c, widths[k]!) > this.cellHeight(row[best]!, widths[best]!) ? k : best), 0);
        const cell = row[i]!;
        const [head, tail] = splitParas(cell.paras, (paras) => this.cellHeight({ ...cell, paras, signatures: [] }, widths[i]!) <= room);
        queue.unshift(row.map((c, k) => (k === i ? { ...c, paras: tail } : c.label ? { ...c, paras: [[...c.paras[0]!, { text: '（续）' }]] } : { ...c, paras: [], signatures: [] })));
        row.forEach((c, k) => {
          row[k] = k === i ? { ...c, paras: head, signatures: [] } : c.label ? c : { ...c, signatures: [] };
        });
        h = room;
      }
      const y = doc.y;
      let x = MARGIN.left;
      row.forEach((c, i) => {
        const w = widths[i]!;
        doc.rect(x, y, w, h).lineWidth(0.6).strokeColor('black').stroke();
        if (c.label) {
          const th = this.parasHeight(c.paras, w - CELL_PAD * 2);
          let cy = y + Math.max(CELL_PAD, (h - th) / 2);
          for (const p of c.paras) cy = this.writeRuns(p, x + CELL_PAD, cy, w - CELL_PAD * 2, { align: 'center' });
        } else {
          let cy = y + CELL_PAD;
          for (const p of c.paras) cy = this.writeRuns(p, x + CELL_PAD, cy, w - CELL_PAD * 2);
          const sigs = c.signatures ?? [];
          sigs.forEach((sl, k) => this.signatureLine(sl, x + CELL_PAD, y + h - CELL_PAD - (sigs.length - k) * SIG.rowHeight, w - CELL_PAD * 2));
        }
        x += w;
      });
      doc.x = MARGIN.left;
      doc.y = y + h;
    }
    doc.moveDown(0.5);
  }

  block(b: Block) {
    const doc = this.doc;
    switch (b.t) {
      case 'issuer':
        doc.font('bold').fontSize(16).text(b.text, MARGIN.left, doc.y, { width: contentWidth(), align: 'center' });
        doc.moveDown(0.15);
        break;
      case 'title':
        doc.font('bold').fontSize(22).text(b.text, MARGIN.left, doc.y, { width: contentWidth(), align: 'center', characterSpacing: 2 });
        doc.moveDown(0.2);
        break;
      case 'number':
        doc.font('regular').fontSize(this.s.body).text(b.text, MARGIN.left, doc.y, { width: contentWidth(), align: 'right' });
        doc.moveDown(0.6);
        break;
      case 'addressee':
        this.ensureSpace(this.s.body * 2);
        this.writeRuns(b.runs, MARGIN.left, doc.y, contentWidth());
        doc.x = MARGIN.left;
        doc.moveDown(this.s.after);
        break;
      case 'para':
        this.paragraph(b.runs, b.indent ?? false);
        break;
      case 'heading':
        this.ensureSpace(this.s.body * 3);
        doc.font('bold').fontSize(this.s.body).text(b.text, MARGIN.left, doc.y, { width: contentWidth() });
        doc.font('regular').moveDown(this.s.after * 0.5);
        break;
      case 'fields':
        this.fields(b.rows);
        break;
      case 'list':
        this.list(b.items);
        break;
      case 'table':
        this.table(b.rows);
        break;
      case 'signatures':
        this.signatures(b.slots);
        break;
      case 'seal':
        this.seal(b.issuer, b.date);
        break;
      case 'note':
        if (this.ensureSpace(22)) this.sealAlone = true;
        doc.font('regular').fontSize(9).text(b.text, MARGIN.left, doc.y, { width: contentWidth(), lineGap: 2 });
        doc.fontSize(this.s.body).moveDown(this.s.after);
        break;
      case 'gap':
        doc.y += b.size;
        break;
    }
  }

  /** 第 i 页 共 n 页 at the foot of every page of a multi-page document. */
  pageNumbers() {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    if (range.count < 2) return;
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
      doc.font('regular').fontSize(10).text(`第 ${i + 1} 页\u3000共 ${range.count} 页`, MARGIN.left, PAGE.height - MARGIN.bottom + 30, {
        width: contentWidth(),
        align: 'center',
        lineBreak: false,
      });
      doc.page.margins.bottom = bottom;
    }
  }
}

/** Splits paragraphs after as many characters as `fits` accepts (at least one), for a cell taller than a page. */
function splitParas(paras: Run[][], fits: (paras: Run[][]) => boolean): [Run[][], Run[][]] {
  const total = paras.reduce((n, p) => n + p.reduce((m, r) => m + [...r.text].length, 0), 0);
  const cut = (n: number): [Run[][], Run[][]] => {
    const head: Run[][] = [];
    const tail: Run[][] = [];
    let left = n;
    for (const p of paras) {
      const h: Run[] = [];
      const t: Run[] = [];
      for (const r of p) {
        const chars = [...r.text];
        if (left >= chars.length) {
          h.push(r);
          left -= chars.length;
        } else if (left > 0) {
          h.push({ ...r, text: chars.slice(0, left).join('') });
          t.push({ ...r, text: chars.slice(left).join('') });
          left = 0;
        } else t.push(r);
      }
      if (h.length) head.push(h);
      if (t.length) tail.push(t);
    }
    return [head, tail];
  };
  let lo = 1;
  let hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(cut(mid)[0])) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}

async function draw(frozen: FrozenDocument, fonts: DocumentFonts, spacing: Spacing) {
  const layout = layoutDocument(frozen);
  const issuedAt = new Date(frozen.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    // no default font: pdfkit would otherwise select its built-in Helvetica; every glyph here is Noto Serif SC
    font: null as unknown as string,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${layout.title} ${layout.number}`,
      Subject: layout.title,
      Author: frozen.issuer.name,
      Creator: `Anjian 安监 (layout ${RENDERER_VERSION})`,
      Producer: 'Anjian 安监 / PDFKit',
      Keywords: layout.number,
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.addPage();
  doc.font('regular').fontSize(spacing.body);
  const painter = new Painter(doc, spacing);
  for (const b of layout.blocks) painter.block(b);
  painter.pageNumbers();
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pages, sealAlone: painter.sealAlone };
}

/**
 * Renders a frozen document to PDF bytes. When the 印章 would stand alone at the top of the last page (a seal must sit
 * with the text it authenticates), the document is drawn once more with tighter spacing.
 */
export async function renderDocumentPdf(frozen: FrozenDocument, fonts: DocumentFonts = documentFonts()): Promise<RenderedPdf> {
  const first = await draw(frozen, fonts, NORMAL);
  if (!first.sealAlone) return { bytes: first.bytes, pages: first.pages };
  const compact = await draw(frozen, fonts, COMPACT);
  const best = compact.sealAlone && compact.pages >= first.pages ? first : compact;
  return { bytes: best.bytes, pages: best.pages };
}
