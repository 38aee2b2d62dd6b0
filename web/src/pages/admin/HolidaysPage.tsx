// 节假日安排 holiday calendar: one year's public holidays and adjusted working days (调休上班); an admin edits and
// saves the whole year (PUT replaces it). A collision run without its own list takes the holidays inside its period.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, type ErrorDetail, type HolidayItem, type HolidayKind } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { useAsync } from '../../lib/useAsync.ts';
import { errorMessage } from '../../lib/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

/** A row being edited: its position in the server's answer is not kept, 422 details name `items.N.*` of what we send. */
interface Row extends HolidayItem {
  key: string;
}

let rowSeq = 0;
const toRow = (h: HolidayItem): Row => ({ ...h, key: `r${++rowSeq}` });
const byDate = (a: HolidayItem, b: HolidayItem) => a.date.localeCompare(b.date);

export default function HolidaysPage() {
  const t = useT();
  const { message } = App.useApp();
  const { me } = useAuth();
  const canEdit = me?.role === 'admin';
  const [year, setYear] = useState<number>(() => dayjs().year());
  const hol = useAsync(() => api.planning.holidays(year), String(year));
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ text: string; details: ErrorDetail[] } | null>(null);
  const [newDate, setNewDate] = useState<Dayjs | null>(null);
  const [newKind, setNewKind] = useState<HolidayKind>('holiday');
  const [newName, setNewName] = useState('');

  useEffect(() => {
    setRows((hol.data?.items ?? []).slice().sort(byDate).map(toRow));
    setDirty(false);
    setSaveError(null);
  }, [hol.data]);

  /** 422 details by row index (`items.3.date` → row 3). */
  const rowErrors = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const d of saveError?.details ?? []) {
      const hit = /^items\.(\d+)(?:\.|$)/.exec(d.field);
      if (!hit) continue;
      const i = Number(hit[1]);
      m.set(i, [...(m.get(i) ?? []), d.message]);
    }
    return m;
  }, [saveError]);

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
    setSaveError(null);
  };

  const add = () => {
    if (!newDate) return;
    const date = newDate.format('YYYY-MM-DD');
    const name = newName.trim() || (newKind === 'holiday' ? t('holidays.kind.holiday') : t('holidays.kind.workday'));
    const others = rows.filter((r) => r.date !== date);
    change([...others, toRow({ date, kind: newKind, name })].sort(byDate));
    setNewDate(null);
    setNewName('');
  };

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const res = await api.planning.putHolidays(
        year,
        rows.map(({ date, kind, name }) => ({ date, kind, name })),
      );
      setRows(res.items.slice().sort(byDate).map(toRow));
      setDirty(false);
      message.success(t('holidays.saved', { year }));
    } catch (e) {
      setSaveError({ text: errorMessage(e, t), details: e instanceof ApiError ? e.details : [] });
    } finally {
      setSaving(false);
    }
  };

  const holidays = rows.filter((r) => r.kind === 'holiday').length;
  const workdays = rows.length - holidays;
  const weekday = (d: string) => dayjs(d).format('ddd');

  return (
    <div>
      <PageHeader
        title={t('holidays.title')}
        sub={t('holidays.subtitle')}
        extra={
          <Space wrap>
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => {
                if (typeof v === 'number' && v >= 2000 && v <= 2100) setYear(v);
              }}
              prefix={t('holidays.year')}
              style={{ width: 140 }}
              data-testid="holidays-year"
            />
            {canEdit && (
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()} data-testid="holidays-save">
                {t('common.save')}
              </Button>
            )}
          </Space>
        }
      />
      {hol.error ? <Alert type="error" showIcon title={errorMessage(hol.error, t)} style={{ marginBottom: 12 }} /> : null}
      {saveError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="holidays-error"
          title={saveError.text}
          description={
            saveError.details.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {saveError.details.map((d, i) => (
                  <li key={i}>
                    {(() => {
                      const hit = /^items\.(\d+)/.exec(d.field);
                      const row = hit ? rows[Number(hit[1])] : undefined;
                      return row ? `${row.date} ${row.name}: ` : `${d.field}: `;
                    })()}
                    {d.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {canEdit && (
        <Card size="small" className="aj-filter-card" title={t('holidays.add')}>
          <Space wrap>
            <DatePicker
              value={newDate}
              onChange={(d) => setNewDate(d)}
              disabledDate={(d) => d.year() !== year}
              defaultPickerValue={dayjs(`${year}-01-01`)}
              placeholder={t('holidays.date')}
              data-testid="holidays-new-date"
            />
            <Select<HolidayKind>
              value={newKind}
              onChange={setNewKind}
              style={{ width: 150 }}
              options={[
                { value: 'holiday', label: t('holidays.kind.holiday') },
                { value: 'workday', label: t('holidays.kind.workday') },
              ]}
              data-testid="holidays-new-kind"
            />
            <Input
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
              maxLength={100}
              placeholder={t('holidays.namePlaceholder')}
              style={{ width: 180 }}
              onPressEnter={add}
              data-testid="holidays-new-name"
            />
            <Button icon={<PlusOutlined />} disabled={!newDate} onClick={add} data-testid="holidays-add">
              {t('holidays.addButton')}
            </Button>
          </Space>
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('holidays.workdayHint')}</Typography.Text>
          </div>
        </Card>
      )}
      <div style={{ marginBottom: 8 }} data-testid="holidays-counts">
        <Tag color="red">{t('holidays.countHolidays', { n: holidays })}</Tag>
        <Tag color="blue">{t('holidays.countWorkdays', { n: workdays })}</Tag>
        {dirty && <Tag color="orange">{t('holidays.unsaved')}</Tag>}
      </div>
      <Table<Row>
        data-testid="holidays-table"
        rowKey="key"
        size="small"
        loading={hol.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 520 }}
        locale={{ emptyText: t('holidays.empty', { year }) }}
        onRow={(r) => ({ 'data-date': r.date, 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('holidays.date'),
            dataIndex: 'date',
            width: 150,
            render: (v: string, _r, i) => (
              <div>
                <span className="aj-mono">{v}</span> <Typography.Text type="secondary">{weekday(v)}</Typography.Text>
                {rowErrors.get(i)?.map((m, j) => (
                  <div key={j}>
                    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="holidays-row-error">
                      {m}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
          {
            title: t('holidays.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (v: HolidayKind) => (
              <Tag color={v === 'holiday' ? 'red' : 'blue'}>{v === 'holiday' ? t('holidays.kind.holiday') : t('holidays.kind.workday')}</Tag>
            ),
          },
          {
            title: t('holidays.name'),
            dataIndex: 'name',
            render: (v: string, r) =>
              canEdit ? (
                <Input
                  size="small"
                  value={v}
                  maxLength={100}
                  onChange={(e) => change(rows.map((x) => (x.key === r.key ? { ...x, name: e.target.value } : x)))}
                />
              ) : (
                v
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 56,
                  render: (_: unknown, r: Row) => (
                    <Popconfirm title={t('holidays.removeConfirm', { date: r.date })} onConfirm={() => change(rows.filter((x) => x.key !== r.key))}>
                      <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('holidays.remove')} data-testid="holidays-remove" />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
