import type { FormRule as Rule } from 'antd';
import type { TFunction } from '../i18n/index.tsx';
import { checkUscc } from './uscc.ts';

/** antd Form rule for a 统一社会信用代码, mirroring the server's checks. */
export function usccRule(t: TFunction, optional = false): Rule {
  return {
    validator: async (_, raw: string | undefined) => {
      const v = (raw ?? '').trim();
      if (!v) {
        if (optional) return;
        throw new Error(t('validation.required', { field: t('field.uscc') }));
      }
      const r = checkUscc(v);
      if (r.ok) return;
      if (r.reason === 'length') throw new Error(t('validation.usccLength', { n: v.length }));
      if (r.reason === 'charset') throw new Error(t('validation.usccCharset', { position: r.position, char: r.char }));
      if (r.reason === 'checkDigit') throw new Error(t('validation.usccCheckDigit', { expected: r.expected }));
      throw new Error(t('validation.usccRegion'));
    },
  };
}

