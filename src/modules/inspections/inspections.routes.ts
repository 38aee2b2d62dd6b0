import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { errorResponses, Paged, Paging } from '../../http/schemas.ts';
import { fileStoreFor } from '../files/storage.ts';
import { PHOTO_MAX_BYTES } from '../files/images.ts';
import { storePhoto } from '../files/photos.service.ts';
import { readUpload } from '../files/upload.ts';
import * as repo from './inspections.repo.ts';
import { DraftBody, DrawBody, InspectionSchema, InspectionSummarySchema, PhotoSchema, QuizSchema, SignBody, StartBody, ClientId, DateStr } from './inspections.schema.ts';
import { inspectionDetail, loadReadable, quizView } from './inspection-view.ts';
import { listInspections } from './list-inspections.ts';
import { startInspection } from './start-inspection.ts';
import { loadEditable, saveDraft } from './save-draft.ts';
import { answerQuiz, drawQuiz } from './quizzes.ts';
import { signInspection } from './sign-inspection.ts';
import { cancelInspection, reopenInspection } from './inspection-status.ts';

const errors = { ...errorResponses, 413: Type.Ref('Error') };
const Id = Type.Object({ id: Type.Integer() });

/** 现场检查 the inspection record on the phone: start, sync the draft, photos, 逢查必考, sign. See docs/inspection.md. */
export const inspectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(PhotoSchema);
  app.addSchema(InspectionSummarySchema);
  app.addSchema(QuizSchema);
  app.addSchema(InspectionSchema);
  const detail = (request: { locale: 'zh-CN' | 'en-US' }, p: ReturnType<typeof requirePrincipal>, id: number) => inspectionDetail(ctx.db, p, id, request.locale, ctx.now());

  app.get(
    '/inspections',
    {
      schema: {
        tags: ['inspection'],
        summary: '检查记录 Inspection records you may see (mine=true: the ones you are on)',
        querystring: Type.Object({
          enterpriseId: Type.Optional(Type.Integer()),
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('signing'), Type.Literal('signed'), Type.Literal('cancelled')])),
          departmentId: Type.Optional(Type.Integer()),
          mine: Type.Optional(Type.Boolean()),
          from: Type.Optional(DateStr),
          to: Type.Optional(DateStr),
          ...Paging,
        }),
        response: { 200: Paged(Type.Ref('InspectionSummary')), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      return listInspections(ctx.db, requirePrincipal(request), f, page ?? 1, pageSize ?? 20);
    },
  );

  app.post(
    '/inspections',
    {
      schema: {
        tags: ['inspection'],
        summary: '开始检查 Start an inspection from a published visit (visitId) or unplanned (reason); idempotent by clientId (200 = already started)',
        body: StartBody,
        response: { 200: Type.Ref('Inspection'), 201: Type.Ref('Inspection'), ...errors },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const r = await startInspection(ctx.db, p, request.body, ctx.now());
      return reply.status(r.created ? 201 : 200).send(await detail(request, p, r.id));
    },
  );

  app.get(
    '/inspections/:id',
    { schema: { tags: ['inspection'], summary: '检查记录 One record: checklist, results, photos, people, quizzes, signatures, readiness to sign, the content hash to sign', params: Id, response: { 200: Type.Ref('Inspection'), ...errors } } },
    async (request) => detail(request, requirePrincipal(request), request.params.id),
  );

  app.patch(
    '/inspections/:id',
    {
      schema: {
        tags: ['inspection'],
        summary: '同步草稿 Sync the draft (header, team, measures, item results, people checked): idempotent upserts, all or nothing, errors name the entry (results.3.note)',
        params: Id,
        body: DraftBody,
        response: { 200: Type.Ref('Inspection'), ...errors },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await saveDraft(ctx.db, p, request.params.id, request.body, ctx.now());
      return detail(request, p, request.params.id);
    },
  );

  app.post(
    '/inspections/:id/photos',
    {
      schema: {
        tags: ['inspection'],
        summary: '上传照片 Upload a photo (multipart: file, clientId, checklistId?, takenAt?); resized on the server; idempotent by clientId (200 = already uploaded)',
        params: Id,
        consumes: ['multipart/form-data'],
        response: { 200: Type.Ref('Photo'), 201: Type.Ref('Photo'), ...errors },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const { i } = await loadEditable(ctx.db, p, request.params.id);
      const upload = await readUpload(request, PHOTO_MAX_BYTES);
      if (!upload) throw new AppError(422, 'file.required', {}, [{ field: 'file', key: 'file.required' }]);
      const clientId = upload.fields.clientId?.trim() || null;
      if (clientId && !/^[A-Za-z0-9_-]{8,64}$/.test(clientId)) throw new AppError(422, 'error.validation', {}, [{ field: 'clientId', key: 'field.invalid' }]);
      let checklistId: number | null = null;
      if (upload.fields.checklistId) {
        checklistId = Number(upload.fields.checklistId);
        const items = await repo.checklistOf(ctx.db, i.enterprise_id, i.id);
        if (!Number.isInteger(checklistId) || !items.some((c) => c.id === checklistId)) {
          throw new AppError(422, 'error.validation', {}, [{ field: 'checklistId', key: 'inspection.checklist_unknown', params: { id: upload.fields.checklistId } }]);
        }
      }
      const r = await storePhoto({
        db: ctx.db, store: fileStoreFor(ctx.config.dataDir), principal: p, enterpriseId: i.enterprise_id, clientId, input: upload.buffer, originalName: upload.filename,
        takenAt: upload.fields.takenAt ?? null, owner: { purpose: 'finding', inspectionId: i.id, checklistId }, now: ctx.now(),
      });
      return reply.status(r.created ? 201 : 200).send(r.photo);
    },
  );

  app.post(
    '/inspections/:id/quizzes',
    {
      schema: {
        tags: ['inspection'],
        summary: '逢查必考 Draw a quiz for a person (role; the enterprise\'s domain): the seed is drawn and recorded by the server before the questions are shown; idempotent by clientId',
        params: Id,
        body: DrawBody,
        response: { 200: Type.Ref('Quiz'), 201: Type.Ref('Quiz'), ...errors },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const r = await drawQuiz(ctx.db, p, request.params.id, request.body, ctx.now());
      const { i } = await loadReadable(ctx.db, p, request.params.id);
      const q = await repo.findQuiz(ctx.db, i.enterprise_id, i.id, r.quizId);
      return reply.status(r.created ? 201 : 200).send(quizView(q!, true));
    },
  );

  app.put(
    '/inspections/:id/quizzes/:quizId/answers',
    {
      schema: {
        tags: ['inspection'],
        summary: '提交答卷 Answers of a quiz (one array of option indices per question, [] = unanswered); scored on the server',
        params: Type.Object({ id: Type.Integer(), quizId: Type.Integer() }),
        body: Type.Object({ answers: Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 7 }), { maxItems: 8 }), { maxItems: 20 }) }),
        response: { 200: Type.Ref('Quiz'), ...errors },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await answerQuiz(ctx.db, p, request.params.id, request.params.quizId, request.body.answers, ctx.now());
      const { i } = await loadReadable(ctx.db, p, request.params.id);
      return quizView((await repo.findQuiz(ctx.db, i.enterprise_id, i.id, request.params.quizId))!, true);
    },
  );

  app.post(
    '/inspections/:id/signatures',
    {
      schema: {
        tags: ['inspection'],
        summary: '签名 Sign (each inspector of the team, the enterprise representative or its refusal) against the content hash; the last signature locks the record and raises its hazards and documents',
        params: Id,
        body: SignBody,
        response: { 200: Type.Ref('Inspection'), ...errors },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await signInspection(ctx.db, p, request.params.id, request.body, { now: ctx.now(), dataDir: ctx.config.dataDir });
      return detail(request, p, request.params.id);
    },
  );

  app.get(
    '/inspections/:id/signatures/:signatureId/image',
    { schema: { tags: ['inspection'], summary: '签名图片 A signature as drawn (PNG)', params: Type.Object({ id: Type.Integer(), signatureId: Type.Integer() }), response: { ...errors } } },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const { i } = await loadReadable(ctx.db, p, request.params.id);
      const s = (await repo.signaturesOf(ctx.db, i.enterprise_id, i.id)).find((x) => x.id === request.params.signatureId);
      const bytes = s?.image_sha256 ? await fileStoreFor(ctx.config.dataDir).get(s.image_sha256) : null;
      if (!bytes) throw notFound();
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=31536000, immutable').send(bytes);
    },
  );

  app.post(
    '/inspections/:id/reopen',
    { schema: { tags: ['inspection'], summary: '撤回签名 Reopen a record being signed (its signatures are withdrawn; the chain keeps them)', params: Id, body: Type.Object({ note: Type.String({ maxLength: 500 }) }), response: { 200: Type.Ref('Inspection'), ...errors } } },
    async (request) => {
      const p = requirePrincipal(request);
      await reopenInspection(ctx.db, p, request.params.id, request.body.note, ctx.now());
      return detail(request, p, request.params.id);
    },
  );

  app.post(
    '/inspections/:id/cancel',
    { schema: { tags: ['inspection'], summary: '作废 Cancel a draft record (with the reason)', params: Id, body: Type.Object({ note: Type.String({ maxLength: 500 }) }), response: { 200: Type.Ref('Inspection'), ...errors } } },
    async (request) => {
      const p = requirePrincipal(request);
      await cancelInspection(ctx.db, p, request.params.id, request.body.note, ctx.now());
      return detail(request, p, request.params.id);
    },
  );
};
export { ClientId };
