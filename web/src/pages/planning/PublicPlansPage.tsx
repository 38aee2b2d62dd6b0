// 公示 published inspection plans, no login: enterprise names and months, grouped by department. Language switch on top.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Collapse, Empty, Pagination, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, type PublicPlan } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { fmtDateTime } from '../../lib/format.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { levelKey } from './planUi.tsx';

const PAGE_SIZE = 10;

/** "2026-01, 2026-02, 2026-03, 2026-05" → "2026-01~2026-03、2026-05" (contiguous months as one range). */
function fmtMonths(months: string[]): string {
  const ms = [...new Set(months.map((m) => m.slice(0, 7)))].sort();
  const idx = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  const out: string[] = [];
  let i = 0;
  while (i < ms.length) {
    let j = i;
    while (j + 1 < ms.length && idx(ms[j + 1] ?? '') === idx(ms[j] ?? '') + 1) j++;
    out.push(j > i ? `${ms[i]}~${ms[j]}` : (ms[i] ?? ''));
    i = j + 1;
  }
  return out.join('、');
}

export default function PublicPlansPage() {
  const t = useT();
  const thisYear = dayjs().year();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(() => api.publicPlans({ year, page, pageSize: PAGE_SIZE }), `${year ?? ''}-${page}`);

  // Group this page's plans by department.
  const groups = new Map<string, PublicPlan[]>();
  for (const p of data?.items ?? []) {
    const list = groups.get(p.departmentName) ?? [];
    list.push(p);
    groups.set(p.departmentName, list);
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5' }} data-testid="public-plans">
      <div style={{ background: '#1f4e9c', color: '#fff', padding: '10px 16px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
        <Space size={8} style={{ minWidth: 0 }}>
          <SafetyCertificateFilled style={{ fontSize: 20 }} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('app.shortTitle')}
          </Typography.Text>
        </Space>
        <Space size={4}>
          <LangSwitch light />
          <Link to="/login">
            <Button type="text" style={{ color: '#fff' }} data-testid="public-login">
              {t('public.login')}
            </Button>
          </Link>
        </Space>
      </div>
      <div style={{ maxWidth: 1000, margin: '0 auto', padding: 16 }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('public.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('public.subtitle')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('public.year')}</Typography.Text>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('common.all')}
            value={year}
            onChange={(v?: number) => {
              setYear(v);
              setPage(1);
            }}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
            data-testid="public-year"
          />
          {data && <Typography.Text type="secondary">{t('common.total', { total: data.total })}</Typography.Text>}
        </Space>
        {error ? <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} /> : null}
        {loading && !data ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : groups.size === 0 ? (
          <Card>
            <Empty description={t('public.empty')} />
          </Card>
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {[...groups.entries()].map(([dept, plans]) => (
              <Card
                key={dept}
                size="small"
                data-testid="public-department"
                title={dept}
                extra={<Typography.Text type="secondary">{t('public.plansCount', { n: plans.length, m: plans.reduce((s, p) => s + p.entries.length, 0) })}</Typography.Text>}
              >
                <Collapse
                  size="small"
                  defaultActiveKey={plans.length === 1 ? [String(plans[0]?.id)] : []}
                  items={plans.map((p) => ({
                    key: String(p.id),
                    label: (
                      <Space wrap size={4}>
                        <span>{p.title}</span>
                        <Tag>{t(levelKey(p.level))}</Tag>
                        <Tag>{p.regionName}</Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {fmtDateTime(p.publishedAt)}
                        </Typography.Text>
                      </Space>
                    ),
                    children: (
                      <Table
                        size="small"
                        rowKey="enterpriseName"
                        dataSource={p.entries}
                        pagination={p.entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
                        columns={[
                          { title: t('public.enterprise'), dataIndex: 'enterpriseName', key: 'name' },
                          { title: t('public.months'), key: 'months', width: 200, render: (_: unknown, e) => fmtMonths(e.months) },
                        ]}
                        data-testid="public-entries"
                      />
                    ),
                  }))}
                />
              </Card>
            ))}
          </Space>
        )}
        {data && data.total > PAGE_SIZE && (
          <Pagination style={{ marginTop: 16, textAlign: 'center' }} current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} simple />
        )}
      </div>
    </div>
  );
}
