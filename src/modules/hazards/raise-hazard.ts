/**
 * Puts hazards on the ledger (隐患入账) — from a signed inspection, a self-inspection, and later a verified public report
 * or a grid patrol: each with its first events (e.g. reported, then confirmed by the signing inspectors) and its audit
 * record. Every capability that raises hazards calls this, inside its own transaction.
 */
import type { Db } from '../../db/client.ts';
import { appendAudit, type Actor } from '../audit/audit.repo.ts';
import * as repo from './hazards.repo.ts';

export interface RaisedHazard extends repo.NewHazard {
  /** the events that brought it to its state, in order (the first is usually `report`) */
  events: { action: string; fromState: string | null; toState: string; note: string; actorId: number | null; actorName: string; data?: unknown }[];
}

export async function raiseHazards(tx: Db, list: readonly RaisedHazard[], actor: Actor, now: Date): Promise<{ id: number; code: string }[]> {
  const made = await repo.insertHazards(tx, list, now);
  const events: repo.NewEvent[] = [];
  list.forEach((h, i) => {
    for (const e of h.events) {
      events.push({ enterpriseId: h.enterpriseId, hazardId: made[i]!.id, action: e.action, fromState: e.fromState, toState: e.toState, actorId: e.actorId, actorName: e.actorName, note: e.note, data: e.data ?? null });
    }
  });
  await repo.insertEvents(tx, events, now);
  await appendAudit(
    tx,
    actor,
    list.map((h, i) => ({
      action: 'raise',
      entityType: 'hazard',
      entityId: made[i]!.id,
      enterpriseId: h.enterpriseId,
      after: {
        code: made[i]!.code, source: h.source, level: h.level, state: h.state, description: h.description, location: h.location, itemCode: h.itemCode,
        deadline: h.deadline, departmentId: h.departmentId, inspectionId: h.inspectionId, selfInspectionId: h.selfInspectionId,
      },
    })),
    now,
  );
  return made;
}
