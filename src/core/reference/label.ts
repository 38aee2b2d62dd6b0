/** A bilingual label: Chinese first (zh-CN), English second (en-US). */
export interface Label {
  'zh-CN': string;
  'en-US': string;
}

export const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
