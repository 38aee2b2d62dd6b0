// 我的检查 the inspector's published joint visits, phone-first: one card per visit, upcoming first.
import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Segmented, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useMe } from '../../lib/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { VisitCard } from './VisitCard.tsx';

export default function MyVisitsPage() {
  const t = useT();
  const me = useMe();
  const [chosen, setWhich] = useState<'upcoming' | 'past' | null>(null);
  const { data, error, loading, reload } = useAsync(() => api.visits.mine(), 'mine');
  const today = dayjs().format('YYYY-MM-DD');
  const upcoming = (data?.items ?? []).filter((v) => v.date >= today).length;
  const past = (data?.items ?? []).length - upcoming;
  // Until the user picks: upcoming visits, or the past ones when none are left.
  const which = chosen ?? (upcoming === 0 && past > 0 ? 'past' : 'upcoming');
  const list = useMemo(() => {
    const all = data?.items ?? [];
    return which === 'upcoming'
      ? all.filter((v) => v.date >= today).sort((a, b) => a.date.localeCompare(b.date))
      : all.filter((v) => v.date < today).sort((a, b) => b.date.localeCompare(a.date));
  }, [data, which, today]);

  return (
    <div data-testid="my-visits" data-total={data?.items.length ?? ''}>
      <PageHeader title={t('visits.title')} sub={t('visits.subtitle')} />
      <Segmented
        block
        style={{ marginBottom: 12, maxWidth: 480 }}
        value={which}
        onChange={(v) => setWhich(v as 'upcoming' | 'past')}
        options={[
          { value: 'upcoming', label: `${t('visits.upcoming')} (${upcoming})` },
          { value: 'past', label: `${t('visits.past')} (${past})` },
        ]}
        data-testid="my-visits-filter"
      />
      {error ? <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} /> : null}
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <div className="aj-card-list" style={{ maxWidth: 760 }}>
          {list.map((v) => (
            <VisitCard key={v.id} v={v} myDepartmentId={v.myDepartmentId} myUserId={me.id} />
          ))}
          {list.length === 0 && <Empty description={t('visits.empty')} />}
        </div>
      )}
    </div>
  );
}
