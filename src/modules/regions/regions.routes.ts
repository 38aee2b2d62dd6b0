import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { dictionaries } from '../../core/reference/dictionaries.ts';
import { childRegions, regionAncestors, regionByCode, type Region } from '../../core/reference/regions.ts';
import { regionPrefix } from '../../core/access/principal.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { Label } from '../../core/reference/label.ts';

const RegionNode = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parent: Nullable(Type.String()),
  hasChildren: Type.Boolean(),
});

const node = (r: Region) => ({ code: r.code, name: r.name, level: r.level, parent: r.parent, hasChildren: childRegions(r.code).length > 0 });

/** A dictionary entry as the web reads it: `{ code, zh, en, …extra }`. */
function entries<T extends { code: string; label: Label }>(list: readonly T[]) {
  return list.map(({ label, ...rest }) => ({ ...rest, zh: label['zh-CN'], en: label['en-US'] }));
}

const dictionaryPayload = {
  industryDomains: entries(dictionaries.industryDomains),
  riskLevels: entries(dictionaries.riskLevels),
  creditGrades: entries(dictionaries.creditGrades),
  standardizationLevels: entries(dictionaries.standardizationLevels),
  smallVenueCategories: entries(dictionaries.smallVenueCategories),
  expertSpecialities: entries(dictionaries.expertSpecialities),
  lines: entries(dictionaries.supervisionLines),
  roles: entries(dictionaries.roles),
  departmentLevels: entries(dictionaries.departmentLevels),
  industrySections: entries(dictionaries.industrySections as unknown as { code: string; label: Label }[]),
};

/** 行政区划 and 字典: reference data, scoped to the user's region subtree. */
export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dictionaries',
    { schema: { tags: ['reference'], summary: '字典 Dictionaries (industry domains, risk levels, credit grades, …)', response: { 200: Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), Type.Unknown()))), ...errorResponses } } },
    async (request) => {
      requirePrincipal(request);
      return dictionaryPayload;
    },
  );

  app.get(
    '/regions',
    {
      schema: {
        tags: ['reference'],
        summary: '行政区划 Regions: children of `parent` within your scope; without it, your scope root',
        querystring: Type.Object({ parent: Type.Optional(Type.String({ maxLength: 12 })) }),
        response: { 200: Type.Array(RegionNode), ...errorResponses },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const root = regionByCode(p.regionCode);
      if (!root) return [];
      const parent = request.query.parent;
      if (!parent) return [node(root)];
      if (!parent.startsWith(regionPrefix(p.regionCode))) throw forbidden();
      return childRegions(parent).map(node);
    },
  );

  app.get(
    '/regions/:code',
    {
      schema: {
        tags: ['reference'],
        summary: '行政区划详情 Region with its path from the province',
        params: Type.Object({ code: Type.String({ maxLength: 12 }) }),
        response: {
          200: Type.Object({
            code: Type.String(),
            name: Type.String(),
            level: Type.String(),
            parent: Nullable(Type.String()),
            path: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const r = regionByCode(request.params.code);
      if (!r) throw notFound();
      if (!r.code.startsWith(regionPrefix(p.regionCode))) throw forbidden();
      return {
        code: r.code,
        name: r.name,
        level: r.level,
        parent: r.parent,
        path: [...regionAncestors(r.code), r].map((x) => ({ code: x.code, name: x.name })),
      };
    },
  );
};
