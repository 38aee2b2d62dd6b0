/**
 * 逢查必检 people and certificates checked on site. The ID number is checked by GB 11643-1999 (check character,
 * birth date not after today); a new-style 特种作业操作证 number is "T" + the holder's 18-digit ID number
 * (domain.md §8), so a "valid" certificate whose T-number names another person is not valid.
 */
import { validateIdNumber } from '../codes/id-number.ts';
import { isDate } from '../hazards/lifecycle.ts';
import { CERTIFICATE_CATEGORIES, type CertificateCategory, type CertificateResult, type PersonRole } from './model.ts';
import type { Issue } from './results.ts';

export interface PersonChecked {
  name: string;
  idNumber: string;
  role: PersonRole;
  certificateCategory: CertificateCategory;
  certificateNumber: string;
  /** YYYY-MM-DD, as printed on the card */
  certificateValidUntil: string | null;
  result: CertificateResult;
  note: string;
}

const SPECIAL = new Set(CERTIFICATE_CATEGORIES.filter((c) => c.special).map((c) => c.code));

export function checkPerson(p: PersonChecked, today: string): Issue[] {
  const issues: Issue[] = [];
  if (!p.name.trim()) issues.push({ field: 'name', key: 'field.required' });
  const id = p.idNumber.trim().toUpperCase();
  if (!id) issues.push({ field: 'idNumber', key: 'field.required' });
  else {
    const v = validateIdNumber(id, today);
    if (!v.ok) issues.push({ field: 'idNumber', key: `id_number.${v.reason}`, ...(v.expected ? { params: { expected: v.expected } } : {}) });
    else if (v.legacy15) issues.push({ field: 'idNumber', key: 'id_number.length' });
  }
  if (p.role === 'special_operator' && p.certificateCategory !== 'none' && !SPECIAL.has(p.certificateCategory)) {
    issues.push({ field: 'certificateCategory', key: 'person.not_special_category' });
  }
  const hasCard = p.certificateCategory !== 'none' && p.result !== 'missing';
  if (p.certificateCategory === 'none' && p.result !== 'missing') issues.push({ field: 'result', key: 'person.no_card_means_missing' });
  if (hasCard && !p.certificateNumber.trim()) issues.push({ field: 'certificateNumber', key: 'field.required' });
  if (p.certificateValidUntil !== null && !isDate(p.certificateValidUntil)) {
    issues.push({ field: 'certificateValidUntil', key: 'date.invalid', params: { value: p.certificateValidUntil } });
  }
  if (p.result === 'valid') {
    if (p.certificateValidUntil && isDate(p.certificateValidUntil) && p.certificateValidUntil < today) {
      issues.push({ field: 'result', key: 'person.certificate_expired', params: { date: p.certificateValidUntil } });
    }
    const no = p.certificateNumber.trim().toUpperCase();
    if (SPECIAL.has(p.certificateCategory) && /^T[0-9]{17}[0-9X]$/.test(no) && no !== `T${id}`) {
      issues.push({ field: 'certificateNumber', key: 'person.certificate_id_mismatch' });
    }
  }
  if (p.note.length > 1000) issues.push({ field: 'note', key: 'field.too_long', params: { max: 1000 } });
  return issues;
}
