import { isMessageKey, type TFunction } from '../i18n/index.tsx';

/** The label of an enterprise field name (from 422 details, history changes, import errors). */
export function fieldLabel(field: string, t: TFunction): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** Roles that may create, edit and import enterprises (the server decides in the end). */
export const REGISTRY_WRITERS = ['admin', 'coordinator', 'dept_head', 'inspector'] as const;
