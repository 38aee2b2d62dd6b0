// One published joint visit (联合检查) as a card: date, enterprise, address, departments with their teams and items,
// and the documents the enterprise should prepare. Used by 我的检查 and by the enterprise's inspection calendar.
import { Card, Collapse, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { JointVisit } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useDict } from '../../lib/dict.tsx';

export function VisitCard({ v, myDepartmentId, myUserId, showEnterprise = true }: { v: JointVisit; myDepartmentId?: number | null; myUserId?: number; showEnterprise?: boolean }) {
  const t = useT();
  const { label } = useDict();
  const d = dayjs(v.date);
  const past = d.isBefore(dayjs(), 'day');
  const itemCount = v.departments.reduce((n, x) => n + x.items.length, 0);
  return (
    <Card size="small" data-testid="visit-card" data-visit-code={v.code} style={past ? { opacity: 0.75 } : undefined}>
      <div className="aj-list-card-head">
        <Space size={8} wrap>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="visit-date">
            {v.date} {d.format('ddd')}
          </Typography.Text>
          <Tag color={past ? 'default' : 'blue'}>{past ? t('visits.past') : t('visits.upcoming')}</Tag>
        </Space>
        <Typography.Text type="secondary" className="aj-mono">
          {v.code}
        </Typography.Text>
      </div>
      {showEnterprise && (
        <div style={{ marginTop: 6 }}>
          <div className="aj-list-card-title">{v.enterprise.name}</div>
          <div className="aj-list-card-meta">
            <EnvironmentOutlined /> {v.enterprise.address || '—'}
          </div>
          {v.enterprise.safetyOfficer && (
            <div className="aj-list-card-meta">
              <PhoneOutlined /> {t('visits.contact')}：{v.enterprise.safetyOfficer}{' '}
              {v.enterprise.safetyOfficerPhone && <a href={`tel:${v.enterprise.safetyOfficerPhone}`}>{v.enterprise.safetyOfficerPhone}</a>}
            </div>
          )}
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('visits.joint')}</Typography.Text>
        {v.departments.map((dep) => (
          <div key={dep.id} style={{ marginTop: 4 }} data-testid="visit-department">
            <Space size={4} wrap>
              <Tag color={dep.id === myDepartmentId ? 'geekblue' : 'blue'}>{dep.name}</Tag>
              {dep.id === myDepartmentId && <Tag color="green">{t('visits.mine')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {label('lines', dep.line)}
              </Typography.Text>
            </Space>
            <div className="aj-list-card-meta">
              <TeamOutlined />{' '}
              {dep.inspectors.map((i, k) => (
                <span key={i.userId}>
                  {k > 0 && '、'}
                  {i.userId === myUserId ? <Typography.Text strong>{i.name}</Typography.Text> : i.name}
                </span>
              ))}
            </div>
          </div>
        ))}
      </div>
      <Collapse
        size="small"
        ghost
        style={{ marginTop: 6 }}
        items={[
          {
            key: 'items',
            label: `${t('visits.items')}（${itemCount}）`,
            children: itemCount ? (
              v.departments.map((dep) =>
                dep.items.length ? (
                  <div key={dep.id} style={{ marginBottom: 6 }}>
                    <Typography.Text type="secondary">{dep.name}</Typography.Text>
                    <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }}>
                      {dep.items.map((it) => (
                        <li key={it.id} style={{ fontSize: 13 }}>
                          <span className="aj-mono">{it.code}</span> {it.text} {it.majorHazard && <Tag color="red">{t('visits.majorHazard')}</Tag>}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null,
              )
            ) : (
              <Typography.Text type="secondary">{t('collision.noItems')}</Typography.Text>
            ),
          },
          {
            key: 'docs',
            label: `${t('visits.documents')}（${v.documents.length}）`,
            children: (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="visit-documents">
                {v.documents.map((doc) => (
                  <li key={doc.key} style={{ fontSize: 13 }}>
                    {doc.label}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </Card>
  );
}
