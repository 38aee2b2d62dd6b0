/**
 * Reads a PDF's text back the way a reader's viewer would (pdf.js through unpdf): one string per page, the page number
 * line (第 i 页 共 n 页) taken off, and a `flat` form without any whitespace, because wrapped lines and the gaps between
 * underlined fills come back as spaces and line breaks.
 */
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfText {
  pages: string[];
  /** all pages, page numbers removed, whitespace removed */
  flat: string;
  /** the page-number lines found */
  pageNumbers: string[];
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const pageNumbers: string[] = [];
  const pages = (text as string[]).map((t) => {
    const m = /第\s*\d+\s*页\s*共\s*\d+\s*页/.exec(t);
    if (m) pageNumbers.push(m[0].replace(/\s+/g, ''));
    return m ? t.replace(m[0], '') : t;
  });
  return { pages, flat: pages.join('').replace(/\s+/g, ''), pageNumbers };
}

/** The fonts a PDF embeds (BaseFont names) and whether each is embedded as a subset with its font file. */
export function pdfFonts(bytes: Uint8Array): { baseFonts: string[]; fontFiles: number } {
  const s = Buffer.from(bytes).toString('latin1');
  const baseFonts = [...new Set([...s.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+\-_]+)/g)].map((m) => m[1]!))];
  const fontFiles = [...s.matchAll(/\/FontFile[23]?\s/g)].length;
  return { baseFonts, fontFiles };
}
