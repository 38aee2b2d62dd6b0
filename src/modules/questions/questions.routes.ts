import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { createQuestion, listQuestions, updateQuestion } from './questions.service.ts';

const Role = Type.Union([Type.Literal('principal'), Type.Literal('safety_manager'), Type.Literal('special_operator')]);
const Kind = Type.Union([Type.Literal('single'), Type.Literal('multiple'), Type.Literal('judge')]);
export const QuestionSchema = Type.Object(
  {
    id: Type.Integer(),
    industryDomain: Nullable(Type.String()),
    role: Role,
    kind: Kind,
    stem: Type.String(),
    options: Type.Array(Type.String()),
    answer: Type.Array(Type.Integer()),
    explanation: Type.String(),
    active: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'QuizQuestion' },
);
const Body = Type.Object({
  industryDomain: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  role: Role,
  kind: Kind,
  stem: Type.String({ minLength: 1, maxLength: 1000 }),
  options: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 8 }),
  answer: Type.Array(Type.Integer({ minimum: 0, maximum: 7 }), { maxItems: 8 }),
  explanation: Type.Optional(Type.String({ maxLength: 2000 })),
  active: Type.Optional(Type.Boolean()),
});
const values = (b: Static<typeof Body>) => ({
  industryDomain: b.industryDomain?.trim() || null, role: b.role, kind: b.kind, stem: b.stem.trim(), options: b.options.map((o) => o.trim()), answer: b.answer,
  explanation: (b.explanation ?? '').trim(), active: b.active ?? true,
});

/** 逢查必考题库 the question bank (admin edits; department people read). */
export const questionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(QuestionSchema);
  app.get(
    '/quiz-questions',
    {
      schema: {
        tags: ['inspection'],
        summary: '逢查必考题库 Question bank (industryDomain=all: questions for every domain)',
        querystring: Type.Object({
          role: Type.Optional(Role),
          industryDomain: Type.Optional(Type.String({ maxLength: 40 })),
          active: Type.Optional(Type.Boolean()),
          keyword: Type.Optional(Type.String({ maxLength: 50 })),
          ...Paging,
        }),
        response: { 200: Paged(Type.Ref('QuizQuestion')), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      return listQuestions(ctx.db, requirePrincipal(request), f, page ?? 1, pageSize ?? 20);
    },
  );
  app.post(
    '/quiz-questions',
    { schema: { tags: ['inspection'], summary: '新增试题 Add a question (admin)', body: Body, response: { 201: Type.Ref('QuizQuestion'), ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createQuestion(ctx.db, requirePrincipal(request), values(request.body), ctx.now())),
  );
  app.put(
    '/quiz-questions/:id',
    {
      schema: {
        tags: ['inspection'],
        summary: '修改试题 Edit or retire (active=false) a question (admin); recorded quizzes keep the question as drawn',
        params: Type.Object({ id: Type.Integer() }),
        body: Body,
        response: { 200: Type.Ref('QuizQuestion'), ...errorResponses },
      },
    },
    async (request) => updateQuestion(ctx.db, requirePrincipal(request), request.params.id, values(request.body), ctx.now()),
  );
};
