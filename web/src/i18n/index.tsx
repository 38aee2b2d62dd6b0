// Tiny typed i18n: flat message keys, `{name}` parameters, zh-CN default, choice kept in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLocale } from '../api/client.ts';
import type { DictEntry } from '../api/types.ts';
import zhCN from './zh-CN.ts';
import enUS from './en-US.ts';
import { MODULE_MESSAGES } from './modules.ts';

export type Locale = 'zh-CN' | 'en-US';
/** Keys of the shared catalogue (zh-CN.ts / en-US.ts): app shell, common words, the register and planning pages. */
export type BaseMessageKey = keyof typeof zhCN;
/** Keys of the page groups' own catalogues (`pages/<group>/messages.ts`, listed in modules.ts). */
type KeysOf<T> = T extends readonly (infer C)[] ? (C extends { zh: infer Z } ? Extract<keyof Z, string> : never) : never;
type ModuleMessageKey = KeysOf<typeof MODULE_MESSAGES>;
export type MessageKey = BaseMessageKey | ModuleMessageKey;
/** The English catalogue must carry every key of the Chinese one. */
export type Messages = Record<BaseMessageKey, string>;
export type Params = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const LOCALE_STORAGE_KEY = 'anjian.locale';

interface Catalogue {
  zh: Record<string, string>;
  en: Record<string, string>;
}
const MESSAGES: Record<Locale, Record<string, string>> = {
  'zh-CN': Object.assign({}, zhCN, ...MODULE_MESSAGES.map((m: Catalogue) => m.zh)),
  'en-US': Object.assign({}, enUS, ...MODULE_MESSAGES.map((m: Catalogue) => m.en)),
};

function readStoredLocale(): Locale {
  try {
    const v = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (v === 'en-US' || v === 'zh-CN') return v;
  } catch {
    /* storage blocked */
  }
  return 'zh-CN';
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

function applyLocale(locale: Locale): void {
  setApiLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = MESSAGES[locale]['app.title'] ?? '';
}

export type TFunction = (key: MessageKey, params?: Params) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: TFunction;
  /** Pick the zh or en label of a dictionary entry, falling back to the code. */
  pick: (entry: DictEntry | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

// Apply the stored choice before the first render so the first API call already carries it.
const initialLocale = readStoredLocale();
applyLocale(initialLocale);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, l);
    } catch {
      /* storage blocked: the choice lasts for this page only */
    }
    applyLocale(l);
    setLocaleState(l);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = MESSAGES[locale];
    const t: TFunction = (key, params) => format(messages[key] ?? key, params);
    const pick = (entry: DictEntry | undefined, fallback = '') =>
      entry ? (locale === 'zh-CN' ? entry.zh : entry.en) || entry.code : fallback;
    return { locale, setLocale, t, pick };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The `t(key, params)` hook. */
export function useT(): TFunction {
  return useI18n().t;
}

export function isMessageKey(k: string): k is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES['zh-CN'], k);
}
