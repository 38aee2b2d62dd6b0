import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses } from '../../http/schemas.ts';
import { fileStoreFor } from './storage.ts';
import { findById } from './photos.repo.ts';
import { enterpriseVisible } from './photos.service.ts';

/** 照片 one photo's bytes (full size or thumbnail), only for people who may see its enterprise. */
export const fileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/photos/:id',
    {
      schema: {
        tags: ['inspection'],
        summary: '照片 A photo (image/jpeg; size=thumb for the 320 px thumbnail)',
        params: Type.Object({ id: Type.Integer() }),
        querystring: Type.Object({ size: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('thumb')])) }),
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const photo = await findById(ctx.db, request.params.id);
      if (!photo || !(await enterpriseVisible(ctx.db, p, photo.enterprise_id))) throw notFound('photo.unknown');
      const bytes = await fileStoreFor(ctx.config.dataDir).get(request.query.size === 'thumb' ? photo.thumb_sha256 : photo.sha256);
      if (!bytes) throw notFound('photo.unknown');
      return reply
        .header('content-type', photo.mime)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('etag', `"${request.query.size === 'thumb' ? photo.thumb_sha256 : photo.sha256}"`)
        .send(bytes);
    },
  );
};
