/**
 * The PDFs as a reader gets them: each of the eight documents is drawn from realistic content and read back with
 * pdf.js (unpdf); the number, the title, the authority, the party, the template's fixed legal wording and the filled
 * blanks must all be there. The font must be embedded (a subset of Noto Serif SC from the npm package) and nothing may
 * be read from the system's fonts while drawing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { sep } from 'node:path';
import { DOCUMENT_KINDS, DOCUMENT_KIND_INFO } from '../../../src/core/documents/model.ts';
import { renderDocumentPdf } from '../../../src/modules/documents/pdf/render.ts';
import { documentFonts, FONT_PACKAGE } from '../../../src/modules/documents/pdf/fonts.ts';
import { EXPECTED_TEXT, SAMPLE_CONTENT, sampleFrozen } from './samples.ts';
import { pdfFonts, pdfText } from './pdf-text.ts';

describe('执法文书 PDFs read back', () => {
  for (const kind of DOCUMENT_KINDS) {
    test(`${DOCUMENT_KIND_INFO[kind].title}: number, title, authority, party, legal wording and filled blanks`, async () => {
      const frozen = sampleFrozen(kind, { number: `（宁江）应急${DOCUMENT_KIND_INFO[kind].word}〔2026〕3号` });
      const pdf = await renderDocumentPdf(frozen);
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = await pdfText(pdf.bytes);
      assert.equal(text.pages.length, pdf.pages);
      assert.ok(text.flat.includes(`（宁江）应急${DOCUMENT_KIND_INFO[kind].word}〔2026〕3号`), 'the number');
      assert.ok(text.flat.includes(DOCUMENT_KIND_INFO[kind].title), 'the title');
      assert.ok(text.flat.includes('南京市江宁区应急管理局'), 'the issuing authority');
      assert.ok(text.flat.includes('南京江宁测试化工有限公司'), 'the party');
      for (const expected of EXPECTED_TEXT[kind]) assert.ok(text.flat.includes(expected.replace(/\s+/g, '')), `${kind}: “${expected}”`);
    });
  }

  test('a decision without remedy bodies says 本级人民政府 and 人民法院; with them, names them', async () => {
    const plain = await pdfText((await renderDocumentPdf(sampleFrozen('onsite_measures'))).bytes);
    assert.ok(plain.flat.includes('可以依法在60日内向本级人民政府申请行政复议，或者在6个月内依法向人民法院提起行政诉讼'));
    const named = sampleFrozen('onsite_measures', {
      content: { ...SAMPLE_CONTENT.onsite_measures, remedy: { reconsiderationBody: '南京市江宁区人民政府', court: '南京铁路运输法院' } },
    });
    const t = await pdfText((await renderDocumentPdf(named)).bytes);
    assert.ok(t.flat.includes('向南京市江宁区人民政府申请行政复议，或者在6个月内依法向南京铁路运输法院提起行政诉讼'));
  });

  test('a notice without hearing rights does not offer a hearing', async () => {
    const frozen = sampleFrozen('penalty_notice', { content: { ...SAMPLE_CONTENT.penalty_notice, hearingRight: false } });
    const t = await pdfText((await renderDocumentPdf(frozen)).bytes);
    assert.ok(t.flat.includes('依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。'));
    assert.ok(!t.flat.includes('听证'));
  });

  test('the same frozen document gives the same bytes (a re-render can be checked against the stored PDF)', async () => {
    const a = await renderDocumentPdf(sampleFrozen('penalty_decision'));
    const b = await renderDocumentPdf(sampleFrozen('penalty_decision'));
    assert.ok(a.bytes.equals(b.bytes));
    const other = await renderDocumentPdf(sampleFrozen('penalty_decision', { number: '（宁江）应急罚〔2026〕4号' }));
    assert.ok(!a.bytes.equals(other.bytes));
  });

  test('a long document runs over pages, each numbered 第 i 页 共 n 页; a table row taller than a page is continued', async () => {
    const long = '经查明，'.concat('该公司在粉尘涉爆车间未按规定清理积尘，除尘系统长期带病运行，'.repeat(90));
    const frozen = sampleFrozen('case_filing', { content: { ...SAMPLE_CONTENT.case_filing, summary: long } });
    const pdf = await renderDocumentPdf(frozen);
    assert.ok(pdf.pages >= 3, `pages: ${pdf.pages}`);
    const t = await pdfText(pdf.bytes);
    assert.deepEqual(t.pageNumbers, Array.from({ length: pdf.pages }, (_, i) => `第${i + 1}页共${pdf.pages}页`));
    assert.ok(t.flat.includes('简要案情及立案理由（续）'), 'the continued row says so');
    // every character of the long text is there once the pages are read in order (without the continued rows' labels)
    const joined = t.flat.replaceAll('简要案情及立案理由（续）', '');
    const count = joined.split('除尘系统长期带病运行').length - 1;
    assert.equal(count, 90);
    assert.ok(t.flat.includes('审批意见同意立案'), 'the rows after the long one follow');
  });

  test('a one-page document has no page number', async () => {
    const pdf = await renderDocumentPdf(sampleFrozen('criminal_transfer'));
    assert.equal(pdf.pages, 1);
    assert.deepEqual((await pdfText(pdf.bytes)).pageNumbers, []);
  });

  test('text with line breaks and an unreadable signature image still renders (the line is left to sign on paper)', async () => {
    const frozen = sampleFrozen('inspection_record', {
      content: { ...SAMPLE_CONTENT.inspection_record, situation: '第一段：检查除尘系统。\n第二段：检查防爆电气。\r\n第三段：查阅台账。' },
      signatures: [{ role: 'inspector', name: '王建国', certificateNo: '32011520190001', pngBase64: Buffer.from('\x89PNG\r\n\x1a\nnot really a png').toString('base64'), signedAt: '2026-03-02T03:30:00.000Z' }],
    });
    const t = await pdfText((await renderDocumentPdf(frozen)).bytes);
    for (const s of ['第一段：检查除尘系统。', '第二段：检查防爆电气。', '第三段：查阅台账。']) assert.ok(t.flat.includes(s), s);
  });
});

describe('the font: embedded, from the npm package, never from the system', () => {
  test('the font files resolve inside node_modules/@expo-google-fonts/noto-serif-sc', () => {
    const { paths } = documentFonts();
    for (const p of [paths.regular, paths.bold]) {
      assert.ok(p.includes(`${sep}node_modules${sep}${FONT_PACKAGE.replace('/', sep)}${sep}`), p);
      assert.ok(!p.startsWith('/usr/share/fonts') && !p.includes('fonts-noto-cjk'), p);
    }
  });

  test('every font of the PDF is an embedded subset of Noto Serif SC; no standard (non-embedded) font is referenced', async () => {
    const pdf = await renderDocumentPdf(sampleFrozen('penalty_decision'));
    const { baseFonts, fontFiles } = pdfFonts(pdf.bytes);
    assert.ok(baseFonts.length >= 2, baseFonts.join());
    for (const f of baseFonts) assert.match(f, /^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)$/, f);
    assert.equal(fontFiles, baseFonts.length, 'each font carries its font file');
    assert.ok(pdf.bytes.length < 200_000, `a subset, not the 15 MB font: ${pdf.bytes.length} bytes`);
  });

  test('drawing a document reads no file at all (the fonts are read once, from the package)', async () => {
    const fonts = documentFonts();
    const opened: string[] = [];
    const wrap = <K extends 'openSync' | 'readFileSync' | 'readFile' | 'open' | 'createReadStream'>(name: K) => {
      const original = fs[name] as (...a: unknown[]) => unknown;
      (fs as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
        opened.push(String(a[0]));
        return original.apply(fs, a);
      };
      return () => ((fs as unknown as Record<string, unknown>)[name] = original);
    };
    const restore = (['openSync', 'readFileSync', 'readFile', 'open', 'createReadStream'] as const).map(wrap);
    try {
      await renderDocumentPdf(sampleFrozen('inspection_record'), fonts);
    } finally {
      for (const r of restore) r();
    }
    assert.deepEqual(opened, []);
  });
});
