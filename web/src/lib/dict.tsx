// Reference dictionaries (GET /dictionaries), loaded once per session.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type Dictionaries, type DictEntry } from '../api/index.ts';
import { useI18n } from '../i18n/index.tsx';

const EMPTY: Dictionaries = {
  industryDomains: [],
  riskLevels: [],
  creditGrades: [],
  standardizationLevels: [],
  smallVenueCategories: [],
  expertSpecialities: [],
  lines: [],
  roles: [],
  departmentLevels: [],
};

interface DictValue {
  dict: Dictionaries;
  loaded: boolean;
}

const DictContext = createContext<DictValue>({ dict: EMPTY, loaded: false });

export function DictProvider({ children }: { children: ReactNode }) {
  const [dict, setDict] = useState<Dictionaries>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let alive = true;
    api
      .dictionaries()
      .then((d) => {
        if (alive) {
          setDict({ ...EMPTY, ...d });
          setLoaded(true);
        }
      })
      .catch(() => {
        /* pages still work with codes */
      });
    return () => {
      alive = false;
    };
  }, []);
  const value = useMemo(() => ({ dict, loaded }), [dict, loaded]);
  return <DictContext.Provider value={value}>{children}</DictContext.Provider>;
}

export type DictKind = keyof Dictionaries;

export function useDict() {
  const { dict, loaded } = useContext(DictContext);
  const { pick } = useI18n();
  return useMemo(() => {
    const label = (kind: DictKind, code: string | null | undefined): string => {
      if (code === null || code === undefined || code === '') return '';
      const list = dict[kind] as DictEntry[];
      return pick(
        list.find((e) => e.code === code),
        code,
      );
    };
    const options = (kind: DictKind) =>
      (dict[kind] as DictEntry[]).map((e) => ({ value: e.code, label: pick(e, e.code) }));
    return { dict, loaded, label, options };
  }, [dict, loaded, pick]);
}
