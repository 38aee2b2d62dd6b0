import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditHash, canonicalJson, GENESIS_HASH, verifyBatch, type AuditContent, type StoredAudit } from '../../../src/core/audit/chain.ts';

function chain(n: number): StoredAudit[] {
  const out: StoredAudit[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditContent = {
      seq,
      at: `2026-03-02T0${seq % 10}:00:00.000Z`,
      actorId: 7,
      actorName: 'inspector',
      action: seq === 1 ? 'create' : 'update',
      entityType: 'enterprise',
      entityId: '42',
      enterpriseId: 42,
      before: seq === 1 ? null : { name: `名称${seq - 1}`, riskLevel: 'yellow' },
      after: { name: `名称${seq}`, riskLevel: 'red' },
    };
    const hash = auditHash(prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

test('an intact chain verifies, as a whole and in batches', () => {
  const c = chain(6);
  assert.equal(verifyBatch(c, null), null);
  assert.equal(verifyBatch(c.slice(3), { seq: 3, hash: c[2]!.hash }), null);
});

test('an altered record is named by its seq (content changed, hash left alone)', () => {
  const c = chain(5);
  c[2] = { ...c[2]!, after: { name: '篡改', riskLevel: 'red' } };
  assert.deepEqual(verifyBatch(c, null), { seq: 3, reason: 'altered' });
});

test('altering the actor or the time is caught too', () => {
  const c = chain(3);
  assert.deepEqual(verifyBatch([c[0]!, { ...c[1]!, actorName: 'mallory' }, c[2]!], null), { seq: 2, reason: 'altered' });
  assert.deepEqual(verifyBatch([c[0]!, c[1]!, { ...c[2]!, at: '2020-01-01T00:00:00.000Z' }], null), { seq: 3, reason: 'altered' });
});

test('a removed record is named by the seq that follows the gap, with the seq expected', () => {
  const c = chain(5);
  assert.deepEqual(verifyBatch([c[0]!, c[1]!, c[3]!, c[4]!], null), { seq: 4, reason: 'removed', expectedSeq: 3 });
  assert.deepEqual(verifyBatch(c.slice(1), null), { seq: 2, reason: 'removed', expectedSeq: 1 }, 'the first record removed');
});

test('a record re-hashed after tampering breaks the link of the next one (relinked)', () => {
  const c = chain(4);
  const forged = { ...c[1]!, after: { name: '伪造' } };
  const { prevHash: _p, hash: _h, ...content } = forged;
  forged.hash = auditHash(forged.prevHash, content);
  const bad = [c[0]!, forged, c[2]!, c[3]!];
  assert.deepEqual(verifyBatch(bad, null), { seq: 3, reason: 'relinked' });
});

test('a batch checked against the wrong previous record is relinked at its first record', () => {
  const c = chain(4);
  assert.deepEqual(verifyBatch(c.slice(2), { seq: 2, hash: 'f'.repeat(64) }), { seq: 3, reason: 'relinked' });
});

test('the hash does not depend on key order (jsonb reorders keys) but does on values', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  const [r] = chain(1);
  const { prevHash: _p, hash, ...content } = r!;
  const reordered = { ...content, after: { riskLevel: 'red', name: '名称1' } };
  assert.equal(auditHash(GENESIS_HASH, reordered), hash);
  assert.notEqual(auditHash(GENESIS_HASH, { ...content, after: { riskLevel: 'red', name: '名称2' } }), hash);
  assert.notEqual(auditHash('1'.repeat(64), content), hash, 'the previous hash is covered');
});
