/**
 * 谁检查、谁签名、谁负责 (seed 002): every inspector of the team signs, and the enterprise's representative — or, when
 * the representative refuses, the inspectors record the refusal (拒签) with a witness. The first signature freezes the
 * content; each signature binds to the hash of the content as signed; the last one locks the record.
 */
export interface SignatureFacts {
  signerRole: 'inspector' | 'enterprise';
  userId: number | null;
  refused: boolean;
  contentHash: string;
}

export interface SigningStatus {
  complete: boolean;
  /** team members who have not signed yet */
  missingInspectors: number[];
  enterpriseSigned: boolean;
}

export function signingStatus(team: readonly number[], signatures: readonly SignatureFacts[]): SigningStatus {
  const signed = new Set(signatures.filter((s) => s.signerRole === 'inspector' && s.userId !== null).map((s) => s.userId!));
  const missingInspectors = team.filter((u) => !signed.has(u));
  const enterpriseSigned = signatures.some((s) => s.signerRole === 'enterprise');
  return { complete: team.length >= 2 && missingInspectors.length === 0 && enterpriseSigned, missingInspectors, enterpriseSigned };
}

export type SignRefusal = 'inspection.not_on_team' | 'inspection.already_signed' | 'inspection.enterprise_already_signed' | 'inspection.content_changed';

/** May this signature be added? (the team, once each, against the content everybody else signed) */
export function checkSignature(team: readonly number[], existing: readonly SignatureFacts[], s: SignatureFacts, currentHash: string): SignRefusal | null {
  if (s.contentHash !== currentHash) return 'inspection.content_changed';
  if (existing.some((x) => x.contentHash !== currentHash)) return 'inspection.content_changed';
  if (s.signerRole === 'inspector') {
    if (s.userId === null || !team.includes(s.userId)) return 'inspection.not_on_team';
    if (existing.some((x) => x.signerRole === 'inspector' && x.userId === s.userId)) return 'inspection.already_signed';
  } else if (existing.some((x) => x.signerRole === 'enterprise')) return 'inspection.enterprise_already_signed';
  return null;
}
