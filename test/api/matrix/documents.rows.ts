/**
 * Rows of the enforcement documents (执法文书): the list, one document, its PDF, and the numbering settings. The setup
 * issues, for every fixture enterprise, a 责令限期整改指令书 (served on the party) and a 立案审批表 (internal to the
 * department) through issueDocument — the way the inspection and case services issue them; there is no issuing route.
 * Who sees a document is who sees its enterprise; the internal kinds only the enforcement side (documents.policy.ts).
 */
import assert from 'node:assert/strict';
import type { Db } from '../../../src/db/client.ts';
import { issueDocument } from '../../../src/modules/documents/issue-document.ts';
import type { DocumentKind } from '../../../src/core/documents/model.ts';
import { SAMPLE_CONTENT } from '../../core/documents/samples.ts';
import type { MatrixModule } from './index.ts';
import { HOME_DEPT, NOBODY, WHO, deptId, fixtureCodes, type DeptCode, type Ent, type Endpoint, type User, type World } from './world.ts';

interface DocumentsWorld {
  /** per enterprise: the party-facing order and the internal filing form */
  order: Record<Ent, number>;
  filing: Record<Ent, number>;
  /** document id → enterprise */
  owner: Map<number, Ent>;
}

const ISSUER: Record<Ent, DeptCode> = {
  jiangningChem: 'D-yj-320115',
  jiangningMachine: 'D-yj-320115',
  jiangningTenant: 'D-yj-320115',
  jiangningConstruction: 'D-zj-320115',
  xuanwuShop: 'D-yj-320100',
  suzhouChem: 'D-yj-320500',
};

const ENFORCEMENT: User[] = ['admin', 'coordinator', 'coordinatorSuzhou', 'depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou'];
const isEnforcement = (u: User) => ENFORCEMENT.includes(u);

const dw = (w: World) => w.ext.documents as DocumentsWorld;
const docOf = (w: World, kind: 'order' | 'filing', e: Ent | null) => (e ? dw(w)[kind][e] : NOBODY);

async function setup(w: World) {
  const state: DocumentsWorld = { order: {} as Record<Ent, number>, filing: {} as Record<Ent, number>, owner: new Map() };
  const issue = async (e: Ent, kind: DocumentKind) => {
    const r = await w.env.database.db.transaction((tx) =>
      issueDocument(
        tx as unknown as Db,
        {
          kind,
          enterpriseId: w.env.fixture.enterprises[e].id,
          departmentId: w.env.fixture.departments[ISSUER[e]]!,
          source: { type: kind === 'case_filing' ? 'case' : 'hazard', id: 1 },
          content: SAMPLE_CONTENT[kind] as never,
        },
        { id: null, name: 'matrix' },
        w.env.clock.now,
      ),
    );
    state.owner.set(r.id, e);
    return r.id;
  };
  for (const e of Object.keys(ISSUER) as Ent[]) {
    state.order[e] = await issue(e, 'rectification_order');
    state.filing[e] = await issue(e, 'case_filing');
  }
  w.ext.documents = state;
}

const rows: Endpoint[] = [
  {
    route: 'GET /documents',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/documents?pageSize=200' }),
    expect: () => 200,
    check: (res, u, w) => {
      const items = res.json().items as { id: number; kind: string; enterprise: { uscc: string } }[];
      const byCode = fixtureCodes(w);
      const seen = new Set<Ent>();
      for (const d of items) {
        const e = byCode.get(d.enterprise.uscc);
        assert.ok(e && WHO[u].sees.includes(e), `${u} sees a document of ${d.enterprise.uscc}`);
        seen.add(e);
        if (!isEnforcement(u)) assert.notEqual(d.kind, 'case_filing', `${u} sees an internal 立案审批表`);
      }
      assert.deepEqual([...seen].sort(), [...WHO[u].sees].sort(), `${u} sees the documents of exactly their enterprises`);
    },
  },
  {
    route: 'GET /documents',
    variant: 'filter by an enterprise outside scope',
    request: (w, u) => ({ method: 'GET', url: `/documents?enterpriseId=${WHO[u].outside ? w.env.fixture.enterprises[WHO[u].outside!].id : NOBODY}` }),
    expect: () => 200,
    check: (res) => assert.equal(res.json().total, 0, 'a filter cannot widen the scope'),
  },
  {
    route: 'GET /documents/:id',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/documents/${docOf(w, 'order', WHO[u].inside)}` }),
    expect: () => 200,
    check: (res, u, w) => assert.equal(res.json().enterprise.id, w.env.fixture.enterprises[WHO[u].inside].id),
  },
  {
    route: 'GET /documents/:id',
    variant: 'internal kind (立案审批表) inside scope',
    request: (w, u) => ({ method: 'GET', url: `/documents/${docOf(w, 'filing', WHO[u].inside)}` }),
    expect: (u) => (isEnforcement(u) ? 200 : 404),
  },
  {
    route: 'GET /documents/:id',
    variant: 'outside scope → 404',
    request: (w, u) => ({ method: 'GET', url: `/documents/${docOf(w, 'order', WHO[u].outside)}` }),
    expect: () => 404,
  },
  {
    route: 'GET /documents/:id/pdf',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/documents/${docOf(w, 'order', WHO[u].inside)}/pdf` }),
    expect: () => 200,
    check: (res) => {
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    },
  },
  {
    route: 'GET /documents/:id/pdf',
    variant: 'internal kind inside scope',
    request: (w, u) => ({ method: 'GET', url: `/documents/${docOf(w, 'filing', WHO[u].inside)}/pdf` }),
    expect: (u) => (isEnforcement(u) ? 200 : 404),
  },
  {
    route: 'GET /documents/:id/pdf',
    variant: 'outside scope → 404',
    request: (w, u) => ({ method: 'GET', url: `/documents/${docOf(w, 'order', WHO[u].outside)}/pdf` }),
    expect: () => 404,
  },
  {
    route: 'GET /document-numbering',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/document-numbering?pageSize=200' }),
    expect: (u) => (isEnforcement(u) ? 200 : 403),
    check: (res, u, w) => {
      const items = res.json().items as { departmentId: number; regionCode: string }[];
      assert.ok(items.length > 0);
      for (const d of items) assert.ok(d.regionCode.startsWith(WHO[u].prefix), `${u} sees department ${d.departmentId} of ${d.regionCode}`);
      if (u === 'inspector' || u === 'depthead' || u === 'inspectorHousing' || u === 'inspectorSuzhou') {
        assert.deepEqual(items.map((d) => d.departmentId), [deptOfUser(w, u)], 'a department user: their own department');
      }
    },
  },
  {
    route: 'PUT /departments/:id/document-numbering',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'PUT', url: `/departments/${deptId(w, HOME_DEPT[u])}/document-numbering`, payload: { abbreviation: null, agencyWord: null } }),
    expect: (u) => (u === 'admin' ? 200 : 403),
  },
  {
    route: 'PUT /departments/:id/document-numbering',
    variant: 'outside scope',
    request: (w) => ({ method: 'PUT', url: `/departments/${deptId(w, null)}/document-numbering`, payload: { abbreviation: '越权', agencyWord: null } }),
    expect: (u) => (u === 'admin' ? 404 : 403),
  },
];

function deptOfUser(w: World, u: User): number {
  const code: Record<string, DeptCode> = { inspector: 'D-yj-320115', depthead: 'D-yj-320100', inspectorHousing: 'D-zj-320115', inspectorSuzhou: 'D-yj-320500' };
  return w.env.fixture.departments[code[u]!]!;
}

export const documentsModule: MatrixModule = { name: 'documents', setup, rows };
