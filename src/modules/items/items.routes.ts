import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { createItem, exportItems, importItems, listItems, updateItem } from './items.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ItemSchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    version: Type.Integer(),
    current: Type.Boolean(),
    text: Type.String(),
    legalBasis: Type.String(),
    line: Type.String(),
    industryDomain: Nullable(Type.String()),
    majorHazard: Type.Boolean(),
    standard: Nullable(Type.String()),
    article: Nullable(Type.Integer()),
    createdAt: Type.String(),
  },
  { $id: 'InspectionItem' },
);

const ItemBody = {
  text: Type.String({ minLength: 1, maxLength: 2000 }),
  legalBasis: Type.Optional(Type.String({ maxLength: 500 })),
  line: Type.String({ maxLength: 40 }),
  industryDomain: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  majorHazard: Type.Optional(Type.Boolean()),
};

/** 检查事项库 the inspection-item library: list, create, edit (new version), export and import .xlsx. */
export const itemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(ItemSchema);

  app.get(
    '/items',
    {
      schema: {
        tags: ['planning'],
        summary: '检查事项库 Inspection items (current versions; code= and allVersions=true for a history)',
        querystring: Type.Object({
          line: Type.Optional(Type.String({ maxLength: 40 })),
          industryDomain: Type.Optional(Type.String({ maxLength: 40 })),
          majorHazard: Type.Optional(Type.Boolean()),
          keyword: Type.Optional(Type.String({ maxLength: 50 })),
          code: Type.Optional(Type.String({ maxLength: 40 })),
          allVersions: Type.Optional(Type.Boolean()),
          ...Paging,
        }),
        response: { 200: Paged(Type.Ref('InspectionItem')), ...errorResponses },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const { page, pageSize, ...f } = request.query;
      return listItems(ctx.db, f, page ?? 1, pageSize ?? 20);
    },
  );

  app.post(
    '/items',
    {
      schema: {
        tags: ['planning'],
        summary: '新增检查事项 Create an item (version 1)',
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), ...ItemBody }),
        response: { 201: Type.Ref('InspectionItem'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const item = await createItem(
        ctx.db,
        requirePrincipal(request),
        {
          code: b.code.trim(),
          text: b.text.trim(),
          legalBasis: (b.legalBasis ?? '').trim(),
          line: b.line,
          industryDomain: b.industryDomain ?? null,
          majorHazard: b.majorHazard ?? false,
          standard: null,
          article: null,
        },
        ctx.now(),
      );
      return reply.status(201).send(item);
    },
  );

  app.put(
    '/items/:id',
    {
      schema: {
        tags: ['planning'],
        summary: '修改检查事项 Edit an item: adds a new version (the old one stays pinned where used)',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object(ItemBody),
        response: { 200: Type.Ref('InspectionItem'), ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      return updateItem(
        ctx.db,
        requirePrincipal(request),
        request.params.id,
        {
          text: b.text.trim(),
          legalBasis: (b.legalBasis ?? '').trim(),
          line: b.line,
          industryDomain: b.industryDomain ?? null,
          majorHazard: b.majorHazard ?? false,
          standard: null,
          article: null,
        },
        ctx.now(),
      );
    },
  );

  app.get(
    '/items/export',
    { schema: { tags: ['planning'], summary: '导出检查事项库 Export the current items (.xlsx)' } },
    async (request, reply) => {
      requirePrincipal(request);
      const name = request.locale === 'en-US' ? 'inspection-items.xlsx' : '检查事项库.xlsx';
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="inspection-items.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await exportItems(ctx.db, request.locale));
    },
  );

  app.post(
    '/items/import',
    {
      schema: {
        tags: ['planning'],
        summary: '导入检查事项 Import .xlsx (multipart: file) with the export columns; all or nothing',
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const dir = await mkdtemp(join(tmpdir(), 'anjian-items-'));
      try {
        let path = '';
        let fileName = '';
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            fileName = part.filename;
            path = join(dir, 'upload');
            await pipeline(part.file, createWriteStream(path));
          }
        }
        if (!path || !/\.(xlsx|csv)$/i.test(fileName)) {
          throw new AppError(422, 'import.no_file', {}, [{ field: 'file', key: 'import.no_file' }]);
        }
        return await importItems(ctx.db, principal, path, fileName, ctx.now());
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
};
