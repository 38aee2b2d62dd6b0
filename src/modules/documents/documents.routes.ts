/**
 * 执法文书 enforcement documents: the list (filters: kind, enterprise, department, source, period, number), one
 * document, its PDF (application/pdf, drawn once off the request path, then answered from the cache), and the numbering
 * settings (机关简称/代字) of departments. Documents are issued by the inspection and case services through
 * issueDocument (issue-document.ts), never by a route of their own.
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { DOCUMENT_KINDS, DOCUMENT_SOURCE_TYPES } from '../../core/documents/model.ts';
import { ContentSchema } from './documents.schema.ts';
import { getDocument, getDocumentPdf, listDocuments, listNumbering, updateNumbering } from './documents.service.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const KindSchema = Type.Union(DOCUMENT_KINDS.map((k) => Type.Literal(k)));
const SourceTypeSchema = Type.Union(DOCUMENT_SOURCE_TYPES.map((k) => Type.Literal(k)));

const DocumentSummary = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.String({ description: 'inspection_record | onsite_measures | rectification_order | review_opinion | case_filing | penalty_notice | penalty_decision | criminal_transfer' }),
    kindName: Type.String({ description: '文书名称, e.g. 责令限期整改指令书' }),
    number: Type.String({ description: '文号, e.g. （宁江）应急责改〔2026〕12号' }),
    enterprise: Type.Object({ id: Type.Integer(), name: Type.String(), uscc: Type.String() }),
    department: Type.Object({ id: Type.Integer(), name: Type.String() }),
    source: Type.Object({ type: Type.String(), id: Type.Integer() }),
    issuedAt: Type.String(),
    issuedBy: Nullable(Type.String()),
    contentHash: Type.String({ description: 'sha256 of the frozen content, as recorded in the audit chain' }),
    pdf: Nullable(Type.Object({ size: Type.Integer(), pages: Type.Integer() })),
  },
  { $id: 'DocumentSummary' },
);

const DocumentDetail = Type.Object({
  ...DocumentSummary.properties,
  issuer: Type.Object({ id: Type.Integer(), name: Type.String(), abbreviation: Type.String(), agencyWord: Type.String(), regionCode: Type.String() }),
  party: Type.Object({ id: Type.Integer(), name: Type.String(), uscc: Type.String(), address: Type.String(), legalRepresentative: Type.String(), phone: Type.String() }),
  content: ContentSchema,
  signatures: Type.Array(
    Type.Object({
      role: Type.String(),
      name: Type.String(),
      certificateNo: Type.Optional(Type.String()),
      signedAt: Type.String(),
      drawn: Type.Boolean({ description: 'a drawn signature is in the PDF' }),
    }),
  ),
});

const ListQuery = Type.Object({
  kind: Type.Optional(KindSchema),
  enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })),
  departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
  sourceType: Type.Optional(SourceTypeSchema),
  sourceId: Type.Optional(Type.Integer({ minimum: 1 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  number: Type.Optional(Type.String({ maxLength: 40 })),
  ...Paging,
});

const Numbering = Type.Object({
  departmentId: Type.Integer(),
  departmentName: Type.String(),
  regionCode: Type.String(),
  line: Type.String(),
  abbreviation: Type.String({ description: '机关简称 in numbers now (custom or derived)' }),
  agencyWord: Type.String({ description: '机关代字, e.g. 应急' }),
  customAbbreviation: Nullable(Type.String()),
  customAgencyWord: Nullable(Type.String()),
  example: Type.String({ description: 'the next 责令限期整改指令书 number' }),
  issuedThisYear: Type.Record(Type.String(), Type.Integer()),
});

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name (（宁江）应急责改〔2026〕12号.pdf). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(DocumentSummary);

  app.get(
    '/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '执法文书 Enforcement documents of the enterprises in your scope (filters: kind, enterprise, department, source, period)',
        querystring: ListQuery,
        response: { 200: Paged(Type.Ref('DocumentSummary')), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      return listDocuments(ctx.db, requirePrincipal(request), filter, page, pageSize);
    },
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: '执法文书 One document: number, issuer, party, content and who signed',
        params: IdParams,
        response: { 200: DocumentDetail, ...errorResponses },
      },
    },
    async (request) => getDocument(ctx.db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/documents/:id/pdf',
    {
      schema: {
        tags: ['documents'],
        summary: '执法文书 PDF (A4, official layout, embedded Chinese font subset); the same bytes every time',
        params: IdParams,
        produces: ['application/pdf'],
        response: {
          200: { description: 'the PDF (application/pdf)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          304: { description: 'not modified (If-None-Match)', type: 'null' },
          503: Type.Ref('Error'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const file = await getDocumentPdf({ db: ctx.db, dataDir: ctx.config.dataDir, now: ctx.now }, p, request.params.id);
      const etag = `"${file.sha256}"`;
      reply.header('etag', etag).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${file.number}.pdf`))
        .header('x-document-pages', String(file.pages))
        .send(file.bytes);
    },
  );

  app.get(
    '/document-numbering',
    {
      schema: {
        tags: ['documents'],
        summary: '文号设置 Abbreviation and agency word of the departments in your region (enforcement roles; a department user: their own)',
        querystring: Type.Object({ regionCode: Type.Optional(Type.String({ maxLength: 12 })), keyword: Type.Optional(Type.String({ maxLength: 50 })), ...Paging }),
        response: { 200: Paged(Numbering), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...f } = request.query;
      return listNumbering(ctx.db, requirePrincipal(request), ctx.now(), f, page, pageSize);
    },
  );

  app.put(
    '/departments/:id/document-numbering',
    {
      schema: {
        tags: ['documents'],
        summary: '设置文号 Set a department’s 机关简称 and 代字 (admin, within their region; null = derived)',
        params: IdParams,
        body: Type.Object({
          abbreviation: Nullable(Type.String({ maxLength: 10 })),
          agencyWord: Nullable(Type.String({ maxLength: 10 })),
        }),
        response: { 200: Numbering, ...errorResponses },
      },
    },
    async (request) => updateNumbering(ctx.db, requirePrincipal(request), ctx.now(), request.params.id, request.body),
  );
};
