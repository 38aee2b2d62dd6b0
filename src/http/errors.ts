import type { MessageKey, Params } from '../i18n/messages.ts';

/** One problem with one field (and, for imports, one row). Rendered in the user's language at the edge. */
export interface FieldIssue {
  row?: number;
  field: string;
  key: MessageKey;
  params?: Params;
}

/** Every error the services raise: an HTTP status, a message key, and field details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Params = {},
    readonly details: FieldIssue[] = [],
  ) {
    super(key);
  }
}

export const notFound = (key: MessageKey = 'error.not_found') => new AppError(404, key);
export const forbidden = () => new AppError(403, 'error.forbidden');
export const unauthenticated = () => new AppError(401, 'auth.unauthenticated');
export const conflict = (key: MessageKey = 'error.conflict', params?: Params) => new AppError(409, key, params);
export const invalid = (details: FieldIssue[], key: MessageKey = 'error.validation', params?: Params) =>
  new AppError(422, key, params, details);
