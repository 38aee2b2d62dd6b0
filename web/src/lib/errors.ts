import { ApiError } from '../api/client.ts';
import type { TFunction } from '../i18n/index.tsx';

/** A message for the user: the server's localized message, or a generic one. */
export function errorMessage(e: unknown, t: TFunction): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('error.network');
    if (e.message) return e.message;
    if (e.status === 403) return t('error.forbidden');
    if (e.status === 404) return t('error.notFound');
    return t('error.generic');
  }
  return t('error.generic');
}
