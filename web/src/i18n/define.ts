/**
 * A page group's own message catalogue: the Chinese text first, the English beside it with exactly the same keys
 * (a missing or extra key is a compile error). List the catalogue in modules.ts; `t('group.key')` is then typed.
 */
export function defineMessages<const Z extends Record<string, string>>(zh: Z, en: { [K in keyof Z]: string }) {
  return { zh, en };
}
