import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Grid, Input, Row, Space, Tabs, Typography, Upload } from 'antd';
import { FileWordOutlined, InboxOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { IndicatorLink, PlanContent } from '@sen/contracts';
import { useApiClient } from '../lib/api-context';
import { errorMessage, fieldReason, isApiError } from '../lib/api-error';
import { levelLabel } from '../lib/labels';
import { currentLanguage } from '../i18n';
import { useMe } from '../modules/auth/hooks/useSession';
import { useIndicators } from '../modules/indicators/hooks/useIndicators';
import { UnitPicker } from '../modules/org-units/components/UnitPicker';
import { importPlanFile, importPlanText, suggestLinks } from '../modules/plans/api/plans.api';
import { PlanEditor } from '../modules/plans/components/PlanEditor';
import { docxText, plainText } from '../modules/plans/docx-text';
import { useCreatePlan, usePlanList } from '../modules/plans/hooks/usePlans';
import { prefillIndicators } from '../modules/plans/plan-edit';
import '../modules/plans/plans.css';

const ACCEPT = '.docx,.txt,.md';

interface Imported {
  source: string | null;
  filename: string;
  plan: PlanContent;
  warnings: string[];
  links: IndicatorLink[];
}

/** Import of a plan document: upload → review screen (the document beside its structure, editable) → draft. */
export function PlanImportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const client = useApiClient();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const me = useMe();
  const indicators = useIndicators();
  const create = useCreatePlan();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pasted, setPasted] = useState('');
  const [imported, setImported] = useState<Imported | null>(null);
  const [plan, setPlan] = useState<PlanContent | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  useEffect(() => {
    if (!unitId && me.data?.units[0]) setUnitId(me.data.units[0].id);
  }, [me.data, unitId]);

  async function review(run: () => Promise<{ plan: PlanContent; warnings: string[] }>, source: Promise<string | null>, filename: string) {
    setBusy(true);
    setError(null);
    try {
      const [result, text] = await Promise.all([run(), source]);
      const links = result.plan.targets.length
        ? await suggestLinks(
            client,
            result.plan.targets.map((x) => ({ text: x.text, unit: x.unit })),
          ).catch(() => [] as IndicatorLink[])
        : [];
      setImported({ source: text, filename, plan: result.plan, warnings: result.warnings, links });
      setPlan(prefillIndicators(result.plan, links));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const onFile = (file: File) => {
    const isDocx = file.name.toLowerCase().endsWith('.docx');
    void review(() => importPlanFile(client, file, file.name), isDocx ? docxText(file) : plainText(file), file.name);
    return false;
  };

  // Is the number already given to an issued plan? Then issuing would be refused: offer to clear it.
  const symbol = plan?.number?.replace(/\s+/g, '') ?? '';
  const sameNumber = usePlanList({ q: symbol, status: 'issued', limit: 5 }, !!symbol);
  const taken = symbol
    ? (sameNumber.data?.items ?? []).find((p) => p.symbol === symbol && (!plan?.issuedOn || !p.issuedOn || p.issuedOn.slice(0, 4) === plan.issuedOn.slice(0, 4)))
    : undefined;

  const save = async () => {
    if (!plan) return;
    try {
      const saved = await create.mutateAsync({ plan, unitId });
      message.success(t('plans.import.saved'));
      navigate(`/plans/${saved.id}`);
    } catch {
      /* shown below */
    }
  };

  const saveErrors = isApiError(create.error) ? create.error.fieldErrors : [];
  const levelOf = (code: string) => levelLabel(code, me.data?.tenant.levels, language, t);
  const initialUnits = useMemo(() => (me.data?.units ?? []).map((u) => ({ id: u.id, name: u.name, level: u.level })), [me.data]);

  if (!imported || !plan) {
    return (
      <div className="page plan-import">
        <div className="page__header">
          <div>
            <Typography.Title level={2} className="page__title">
              {t('plans.import.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('plans.import.subtitle')}</Typography.Text>
          </div>
        </div>
        <Card>
          <Tabs
            items={[
              {
                key: 'file',
                label: t('plans.import.fromFile'),
                children: (
                  <Upload.Dragger accept={ACCEPT} multiple={false} showUploadList={false} beforeUpload={onFile} disabled={busy} data-testid="plan-upload">
                    <p className="ant-upload-drag-icon">{busy ? <UploadOutlined spin /> : <InboxOutlined />}</p>
                    <p className="ant-upload-text">{busy ? t('plans.import.reading') : t('plans.import.drop')}</p>
                    <p className="ant-upload-hint">{t('plans.import.hint')}</p>
                  </Upload.Dragger>
                ),
              },
              {
                key: 'text',
                label: t('plans.import.fromText'),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Input.TextArea
                      value={pasted}
                      onChange={(e) => setPasted(e.target.value)}
                      autoSize={{ minRows: 10, maxRows: 24 }}
                      placeholder={t('plans.import.pastePlaceholder')}
                      aria-label={t('plans.import.fromText')}
                    />
                    <Button type="primary" loading={busy} disabled={!pasted.trim()} onClick={() => void review(() => importPlanText(client, pasted), Promise.resolve(pasted), t('plans.import.pastedName'))}>
                      {t('plans.import.analyse')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
          {!!error && (
            <Alert
              className="plan-import__error"
              type="error"
              showIcon
              message={errorMessage(error, language, t('errors.generic'))}
              description={isApiError(error) && error.fieldErrors.length > 0 ? error.fieldErrors.map((f) => fieldReason(f, language)).join(' ') : undefined}
            />
          )}
        </Card>
      </div>
    );
  }

  const source = (
    <Card size="small" className="plan-source" title={<span><FileWordOutlined /> {imported.filename}</span>}>
      {imported.source ? <pre className="plan-source__text" data-testid="plan-source">{imported.source}</pre> : <Typography.Text type="secondary">{t('plans.import.noSource')}</Typography.Text>}
    </Card>
  );
  const editor = (
    <PlanEditor
      value={plan}
      onChange={setPlan}
      links={imported.links}
      indicators={indicators.data?.items ?? []}
      defaultOpen={['general', 'targets', 'activities', 'obligations']}
      extraGeneral={
        <Form.Item label={t('plans.fields.issuingUnit')} htmlFor="plan-unit">
          <UnitPicker id="plan-unit" value={unitId} onChange={(v) => setUnitId(Array.isArray(v) ? v[0] : v)} initialUnits={initialUnits} levelLabel={levelOf} aria-label={t('plans.fields.issuingUnit')} />
        </Form.Item>
      }
    />
  );

  return (
    <div className="page plan-import plan-review" data-testid="plan-review">
      <div className="page__header">
        <div>
          <Typography.Title level={2} className="page__title">
            {t('plans.import.reviewTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{wide ? t('plans.import.reviewSubtitle') : t('plans.import.reviewSubtitlePhone')}</Typography.Text>
        </div>
        <Space wrap>
          <Button
            onClick={() => {
              setImported(null);
              setPlan(null);
              create.reset();
            }}
          >
            {t('plans.import.another')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={create.isPending} disabled={!plan.title.trim()} onClick={() => void save()}>
            {t('plans.import.saveDraft')}
          </Button>
        </Space>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {imported.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('plans.import.warnings', { count: imported.warnings.length })}
            description={
              <ul className="plan-import__warnings">
                {imported.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            }
          />
        )}
        {taken && (
          <Alert
            type="error"
            showIcon
            data-testid="plan-number-taken"
            message={t('plans.import.numberTaken', { symbol: taken.symbol, title: taken.title })}
            action={
              <Button size="small" danger onClick={() => setPlan({ ...plan, number: null })}>
                {t('plans.import.clearNumber')}
              </Button>
            }
          />
        )}
        {create.isError && (
          <Alert
            type="error"
            showIcon
            message={errorMessage(create.error, language, t('errors.generic'))}
            description={saveErrors.length ? saveErrors.map((f) => `${f.field}: ${fieldReason(f, language)}`).join('; ') : undefined}
          />
        )}
        {wide ? (
          <Row gutter={16}>
            <Col lg={10}>{source}</Col>
            <Col lg={14}>{editor}</Col>
          </Row>
        ) : (
          <Tabs
            items={[
              { key: 'structure', label: t('plans.import.structure'), children: editor },
              { key: 'source', label: t('plans.import.document'), children: source },
            ]}
          />
        )}
        <div className="plan-review__footer">
          <Button type="primary" size="large" icon={<SaveOutlined />} loading={create.isPending} disabled={!plan.title.trim()} onClick={() => void save()}>
            {t('plans.import.saveDraft')}
          </Button>
        </div>
      </Space>
    </div>
  );
}
