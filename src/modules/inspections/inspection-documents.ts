/**
 * The enforcement documents a signed inspection issues (现场检查记录; 责令限期整改指令书 for hazards with a deadline;
 * 现场处理措施决定书 for on-site measures). The documents capability renders and numbers them; this module builds their
 * content from the record.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import type * as repo from './inspections.repo.ts';

export interface SignedInspectionFacts {
  inspection: repo.InspectionRow;
  team: { user_id: number; display_name: string }[];
  content: unknown;
  hazards: { id: number; code: string; level: string; state: string; description: string; deadline: string | null; itemCode: string | null; legalBasis: string }[];
  signedBy: Principal;
}

export async function issueInspectionDocuments(_tx: Db, _facts: SignedInspectionFacts, _now: Date): Promise<void> {
  // filled in when the documents capability (branch pdf) is merged
}
