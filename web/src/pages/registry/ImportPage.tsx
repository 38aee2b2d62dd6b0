// 批量导入 bulk import: template, upload (.xlsx/.csv), "import the good rows" choice, progress
// (polls /jobs/:id every 500 ms), then counts and every bad row with its spreadsheet row number.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, Progress, Result, Row, Space, Statistic, Table, Typography } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, PaperClipOutlined } from '@ant-design/icons';
import { api, type Job } from '../../api/index.ts';
import { useT } from '../../i18n/index.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { fieldLabel } from '../../lib/fields.ts';
import { PageHeader } from '../../components/PageHeader.tsx';

const POLL_MS = 500;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export default function ImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [allowPartial, setAllowPartial] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [templateLoading, setTemplateLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const poll = (jobId: string) => {
    const tick = async () => {
      try {
        const j = await api.job(jobId);
        setJob(j);
        if (j.status === 'running') timer.current = window.setTimeout(() => void tick(), POLL_MS);
      } catch (e) {
        setError(errorMessage(e, t));
      }
    };
    void tick();
  };

  const submit = async () => {
    if (!file) return;
    setSubmitting(true);
    setError(null);
    setJob(null);
    window.clearTimeout(timer.current);
    try {
      const { jobId } = await api.enterprises.import(file, allowPartial);
      setJob({ id: jobId, kind: 'import', status: 'running', progress: { done: 0, total: 0 } });
      poll(jobId);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setSubmitting(false);
    }
  };

  const downloadTemplate = async () => {
    setTemplateLoading(true);
    try {
      await api.enterprises.template();
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setTemplateLoading(false);
    }
  };

  const reset = () => {
    window.clearTimeout(timer.current);
    setJob(null);
    setFile(null);
    setError(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const running = job?.status === 'running';
  const percent = job && job.progress.total > 0 ? Math.floor((job.progress.done / job.progress.total) * 100) : 0;
  const result = job?.result;
  const errors = [...(result?.errors ?? [])].sort((a, b) => a.row - b.row);

  return (
    <div>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/registry">{t('menu.registry')}</Link> }, { title: t('import.title') }]} />
      <PageHeader title={t('import.title')} sub={t('import.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>{t('import.step1')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Button icon={<DownloadOutlined />} loading={templateLoading} onClick={() => void downloadTemplate()} data-testid="import-template">
                {t('import.downloadTemplate')}
              </Button>
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                {t('import.templateHint')}
              </Typography.Text>
            </div>
          </div>
          <div>
            <Typography.Text strong>{t('import.step2')}</Typography.Text>
            <div style={{ marginTop: 8 }} className="aj-file-row">
              <input
                ref={inputRef}
                type="file"
                accept={ACCEPT}
                data-testid="import-file-input"
                style={{ display: 'none' }}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setJob(null);
                  setError(null);
                }}
              />
              <Button icon={<FileExcelOutlined />} onClick={() => inputRef.current?.click()} disabled={running}>
                {t('import.chooseFile')}
              </Button>
              <span className="aj-file-name" data-testid="import-file-name">
                {file ? (
                  <>
                    <PaperClipOutlined /> {file.name} ({Math.max(1, Math.round(file.size / 1024))} KB)
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('import.noFile')}</Typography.Text>
                )}
              </span>
            </div>
          </div>
          <div>
            <Checkbox checked={allowPartial} onChange={(e) => setAllowPartial(e.target.checked)} disabled={running} data-testid="import-allow-partial">
              {t('import.allowPartial')}
            </Checkbox>
            <div>
              <Typography.Text type="secondary">{allowPartial ? t('import.allowPartialOn') : t('import.allowPartialOff')}</Typography.Text>
            </div>
          </div>
          <Space wrap>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!file || running}
              loading={submitting}
              onClick={() => void submit()}
              data-testid="import-submit"
            >
              {t('import.submit')}
            </Button>
            {job && !running && <Button onClick={reset}>{t('import.again')}</Button>}
          </Space>
        </Space>
      </Card>

      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" />}

      {job && (
        <Card size="small" title={t('import.progressTitle')} style={{ marginBottom: 16 }}>
          <div data-testid="import-progress" data-status={job.status}>
            <Progress
              percent={job.status === 'done' ? 100 : percent}
              status={job.status === 'failed' ? 'exception' : job.status === 'done' ? (result?.written ? 'success' : 'normal') : 'active'}
            />
            <Typography.Text type="secondary">
              {running
                ? t('import.progress', { done: job.progress.done, total: job.progress.total || '…' })
                : job.status === 'failed'
                  ? t('import.failed')
                  : t('import.finished')}
            </Typography.Text>
          </div>
          {job.status === 'failed' && job.error && (
            <Alert type="error" showIcon title={job.error.message} style={{ marginTop: 12 }} />
          )}
        </Card>
      )}

      {job?.status === 'done' && result && (
        <Card size="small" title={t('import.resultTitle')} data-testid="import-result" data-written={String(result.written)}>
          {result.written ? (
            <Result
              status={errors.length ? 'warning' : 'success'}
              title={errors.length ? t('import.partialDone', { bad: errors.length }) : t('import.allDone')}
              style={{ padding: '16px 0' }}
            />
          ) : (
            <Result
              status="error"
              title={t('import.rejected', { bad: new Set(errors.map((e) => e.row)).size })}
              subTitle={t('import.rejectedHint')}
              style={{ padding: '16px 0' }}
            />
          )}
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} sm={6} lg={4}><Statistic title={t('import.count.total')} value={result.total} /></Col>
            <Col xs={12} sm={6} lg={4}><Statistic title={t('import.count.created')} value={result.created} styles={{ content: { color: '#389e0d' } }} /></Col>
            <Col xs={12} sm={6} lg={4}><Statistic title={t('import.count.updated')} value={result.updated} styles={{ content: { color: '#1f4e9c' } }} /></Col>
            <Col xs={12} sm={6} lg={4}><Statistic title={t('import.count.skipped')} value={result.skipped} /></Col>
            <Col xs={12} sm={6} lg={4}><Statistic title={t('import.count.errors')} value={errors.length} styles={{ content: { color: errors.length ? '#cf1322' : undefined } }} /></Col>
          </Row>
          {errors.length > 0 && (
            <div data-testid="import-errors">
              <Typography.Title level={5}>{t('import.errorsTitle')}</Typography.Title>
              <Table
                size="small"
                rowKey={(r) => `${r.row}:${r.field}:${r.message}`}
                dataSource={errors}
                scroll={{ x: 560 }}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
                onRow={() => ({ 'data-testid': 'import-error-row' }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('import.col.row'), dataIndex: 'row', width: 90, render: (v: number) => t('import.rowN', { n: v }) },
                  { title: t('import.col.field'), dataIndex: 'field', width: 180, render: (f: string) => fieldLabel(f, t) },
                  { title: t('import.col.message'), dataIndex: 'message' },
                ]}
              />
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
