// 新建 / 编辑企业 create or edit an enterprise. Client rules mirror the server (USCC GB 32100 check);
// the server's 422 details are put back on the fields they name.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Switch } from 'antd';
import type { FormRule as Rule } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { api, ApiError, type Enterprise, type EnterpriseInput } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { useDict } from '../../lib/dict.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { fieldLabel } from '../../lib/fields.ts';
import { usccRule } from '../../lib/validators.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

type Values = Omit<EnterpriseInput, 'industryCode' | 'smallVenueCategory' | 'landlordUscc'> & {
  industryCode?: string;
  smallVenueCategory?: string;
  landlordUscc?: string;
};

const FIELDS: readonly (keyof Values)[] = [
  'uscc', 'name', 'regionCode', 'address', 'industryDomain', 'industryCode', 'employees', 'labourIntensive', 'keyEnterprise',
  'standardizationLevel', 'riskLevel', 'creditGrade', 'legalRepresentative', 'legalRepresentativePhone', 'safetyOfficer',
  'safetyOfficerPhone', 'smallVenueCategory', 'landlordUscc',
];

const PHONE = /^[0-9+\-()\s]{5,20}$/;
const INDUSTRY_CODE = /^[A-T](\d{2}|\d{3}|\d{4})?$/; // GB/T 4754 国民经济行业分类, e.g. C2614

function toValues(e: Enterprise): Values {
  return {
    uscc: e.uscc,
    name: e.name,
    regionCode: e.regionCode,
    address: e.address,
    industryDomain: e.industryDomain,
    industryCode: e.industryCode ?? undefined,
    employees: e.employees,
    labourIntensive: e.labourIntensive,
    keyEnterprise: e.keyEnterprise,
    standardizationLevel: e.standardizationLevel,
    riskLevel: e.riskLevel,
    creditGrade: e.creditGrade,
    legalRepresentative: e.legalRepresentative,
    legalRepresentativePhone: e.legalRepresentativePhone,
    safetyOfficer: e.safetyOfficer,
    safetyOfficerPhone: e.safetyOfficerPhone,
    smallVenueCategory: e.smallVenueCategory ?? undefined,
    landlordUscc: e.landlord?.uscc,
  };
}

function toInput(v: Values): EnterpriseInput {
  const s = (x: string | undefined) => (x ?? '').trim();
  const opt = (x: string | undefined) => (s(x) ? s(x) : undefined);
  return {
    uscc: s(v.uscc).toUpperCase(),
    name: s(v.name),
    regionCode: s(v.regionCode),
    address: s(v.address),
    industryDomain: v.industryDomain,
    industryCode: opt(v.industryCode),
    employees: Number(v.employees ?? 0),
    labourIntensive: Boolean(v.labourIntensive),
    keyEnterprise: Boolean(v.keyEnterprise),
    standardizationLevel: v.standardizationLevel,
    riskLevel: v.riskLevel,
    creditGrade: v.creditGrade,
    legalRepresentative: s(v.legalRepresentative),
    legalRepresentativePhone: s(v.legalRepresentativePhone),
    safetyOfficer: s(v.safetyOfficer),
    safetyOfficerPhone: s(v.safetyOfficerPhone),
    smallVenueCategory: opt(v.smallVenueCategory),
    landlordUscc: opt(v.landlordUscc)?.toUpperCase(),
  };
}

export default function EnterpriseFormPage() {
  const t = useT();
  const { message } = App.useApp();
  const { options } = useDict();
  const navigate = useNavigate();
  const { id } = useParams();
  const editing = Boolean(id);
  const [form] = Form.useForm<Values>();
  const [loading, setLoading] = useState(editing);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<{ title: string; lines: string[]; conflict: boolean } | null>(null);
  const [name, setName] = useState('');

  useEffect(() => {
    if (!id) return;
    let alive = true;
    setLoading(true);
    api.enterprises
      .get(id)
      .then((e) => {
        if (!alive) return;
        form.setFieldsValue(toValues(e));
        setVersion(e.version);
        setName(e.name);
      })
      .catch((e: unknown) => alive && setLoadError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [id, form]);

  const required = (key: Parameters<typeof fieldLabel>[0]): Rule => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field: fieldLabel(key, t) }),
  });
  const requiredSelect = (key: string): Rule => ({ required: true, message: t('validation.select', { field: fieldLabel(key, t) }) });
  const phoneRule: Rule = { pattern: PHONE, message: t('validation.phone') };

  const onFinish = async (v: Values) => {
    setSaving(true);
    setServerError(null);
    try {
      const input = toInput(v);
      const saved = id ? await api.enterprises.update(id, { ...input, version: version ?? 0 }) : await api.enterprises.create(input);
      message.success(id ? t('form.updated') : t('form.created'));
      navigate(`/registry/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.details.length) {
        const known = e.details.filter((d) => (FIELDS as readonly string[]).includes(d.field));
        const unknown = e.details.filter((d) => !(FIELDS as readonly string[]).includes(d.field));
        form.setFields(known.map((d) => ({ name: d.field as keyof Values, errors: [d.message] })));
        if (known[0]) form.scrollToField(known[0].field as keyof Values);
        setServerError({
          title: e.message || t('form.invalid'),
          lines: unknown.map((d) => `${fieldLabel(d.field, t)}: ${d.message}`),
          conflict: false,
        });
      } else if (e instanceof ApiError && e.status === 409) {
        setServerError({ title: e.message || t('form.conflict'), lines: [], conflict: true });
      } else {
        setServerError({ title: errorMessage(e, t), lines: [], conflict: false });
      }
    } finally {
      setSaving(false);
    }
  };

  if (loadError) {
    return <Result status="error" title={errorMessage(loadError, t)} extra={<Button onClick={() => navigate('/registry')}>{t('detail.backToList')}</Button>} />;
  }

  const col = { xs: 24, md: 12, xl: 8 };

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/registry">{t('menu.registry')}</Link> },
          ...(id ? [{ title: <Link to={`/registry/${id}`}>{name || id}</Link> }] : []),
          { title: editing ? t('common.edit') : t('registry.create') },
        ]}
      />
      <PageHeader title={editing ? t('form.editTitle', { name }) : t('form.createTitle')} />
      {loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void onFinish(v)}
          scrollToFirstError={{ block: 'center' }}
          data-testid="enterprise-form"
          initialValues={{ employees: 0, keyEnterprise: false, labourIntensive: false, standardizationLevel: 'none', riskLevel: 'blue', creditGrade: 'B' }}
        >
          {serverError && (
            <Alert
              type="error"
              showIcon
              title={serverError.title}
              description={serverError.lines.length ? serverError.lines.map((l) => <div key={l}>{l}</div>) : undefined}
              action={serverError.conflict && id ? <Button onClick={() => window.location.reload()}>{t('form.reload')}</Button> : undefined}
              style={{ marginBottom: 16 }}
              data-testid="form-error"
            />
          )}
          <Card title={t('form.section.basic')} size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col {...col}>
                <Form.Item
                  name="uscc"
                  label={t('field.uscc')}
                  normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
                  rules={[usccRule(t)]}
                  extra={t('form.usccHint')}
                  required
                >
                  <Input maxLength={18} showCount className="aj-mono" data-testid="field-uscc" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="name" label={t('field.name')} rules={[required('name'), { max: 100, message: t('validation.max', { n: 100 }) }]}>
                  <Input data-testid="field-name" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="regionCode" label={t('field.regionCode')} rules={[requiredSelect('regionCode')]}>
                  <RegionTreeSelect allowClear={false} style={{ width: '100%' }} data-testid="field-region" />
                </Form.Item>
              </Col>
              <Col xs={24} xl={16}>
                <Form.Item name="address" label={t('field.address')} rules={[{ max: 200, message: t('validation.max', { n: 200 }) }]}>
                  <Input data-testid="field-address" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="employees" label={t('field.employees')} rules={[{ required: true, message: t('validation.required', { field: t('field.employees') }) }]}>
                  <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid="field-employees" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="industryDomain" label={t('field.industryDomain')} rules={[requiredSelect('industryDomain')]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={options('industryDomains')} data-testid="field-industry" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item
                  name="industryCode"
                  label={t('field.industryCode')}
                  extra={t('form.industryCodeHint')}
                  normalize={(v: string) => v?.toUpperCase().trim()}
                  rules={[{ pattern: INDUSTRY_CODE, message: t('validation.industryCode') }]}
                >
                  <Input maxLength={10} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="smallVenueCategory" label={t('field.smallVenueCategory')}>
                  <Select allowClear options={options('smallVenueCategories')} placeholder={t('form.notSmallVenue')} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('form.section.grading')} size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col {...col}>
                <Form.Item name="riskLevel" label={t('field.riskLevel')} rules={[requiredSelect('riskLevel')]}>
                  <Select
                    data-testid="field-risk"
                    options={(['red', 'orange', 'yellow', 'blue'] as const).map((c) => ({ value: c, label: <RiskTag level={c} /> }))}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="creditGrade" label={t('field.creditGrade')} rules={[requiredSelect('creditGrade')]}>
                  <Select options={options('creditGrades')} data-testid="field-credit" />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="standardizationLevel" label={t('field.standardizationLevel')} rules={[requiredSelect('standardizationLevel')]}>
                  <Select options={options('standardizationLevels')} data-testid="field-standardization" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="keyEnterprise" label={t('field.keyEnterprise')} valuePropName="checked">
                  <Switch data-testid="field-key" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="labourIntensive" label={t('field.labourIntensive')} valuePropName="checked">
                  <Switch data-testid="field-labour" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('form.section.people')} size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="legalRepresentative" label={t('field.legalRepresentative')} >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="legalRepresentativePhone" label={t('field.legalRepresentativePhone')} rules={[phoneRule]}>
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="safetyOfficer" label={t('field.safetyOfficer')} >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="safetyOfficerPhone" label={t('field.safetyOfficerPhone')} rules={[phoneRule]}>
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card title={t('form.section.tenancy')} size="small" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="landlordUscc"
                  label={t('field.landlordUscc')}
                  extra={t('form.landlordHint')}
                  normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
                  dependencies={['uscc']}
                  rules={[
                    usccRule(t, true),
                    ({ getFieldValue }) => ({
                      validator: async (_, v: string | undefined) => {
                        if (v && v === getFieldValue('uscc')) throw new Error(t('validation.landlordSelf'));
                      },
                    }),
                  ]}
                >
                  <Input maxLength={18} className="aj-mono" data-testid="field-landlord" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Space className="aj-form-actions">
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="enterprise-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(id ? `/registry/${id}` : '/registry')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </div>
  );
}
