import { Breadcrumb, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { SwapOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@sen/contracts';
import { errorMessage } from '../../../lib/api-error';
import { formatDate, formatNumber } from '../../../lib/format';
import { kindLabel } from '../../../lib/labels';
import { currentLanguage } from '../../../i18n';
import { useUnitDetail } from '../hooks/useOrgUnits';

export type UnitAction = 'add' | 'rename' | 'move' | 'merge';

type Predecessor = { id: string; name: string; validTo: string | null };

/** Everything about one unit, with the write actions for those allowed to change the tree. */
export function OrgUnitDetail({
  unitId,
  rootIds,
  canEdit,
  levelLabel,
  onSelect,
  onAction,
  bordered = true,
}: {
  unitId: string | null;
  rootIds: string[];
  canEdit: boolean;
  levelLabel: (code: string) => string;
  onSelect: (id: string) => void;
  onAction: (action: UnitAction, unit: OrgUnit) => void;
  bordered?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const detail = useUnitDetail(unitId);

  if (!unitId) {
    return (
      <Card variant={bordered ? 'outlined' : 'borderless'} className="unit-detail">
        <Empty description={t('orgUnits.detail.pick')} />
      </Card>
    );
  }
  if (detail.isLoading) {
    return (
      <Card variant={bordered ? 'outlined' : 'borderless'} className="unit-detail">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (detail.isError || !detail.data) {
    return (
      <Card variant={bordered ? 'outlined' : 'borderless'} className="unit-detail">
        <Result status="warning" title={t('orgUnits.detail.loadFailed')} subTitle={errorMessage(detail.error, language, t('errors.generic'))} />
      </Card>
    );
  }

  const unit = detail.data;
  const predecessors = (unit as OrgUnit & { predecessors?: Predecessor[] }).predecessors ?? [];
  const isRoot = rootIds.includes(unit.id);
  // Ancestors above the user's own roots are shown but cannot be opened (outside their scope).
  const firstVisible = unit.path.findIndex((p) => rootIds.includes(p.id));
  const ended = unit.validTo !== null && unit.validTo !== undefined;

  return (
    <Card
      variant={bordered ? 'outlined' : 'borderless'}
      className={bordered ? 'unit-detail' : 'unit-detail unit-detail--flat'}
      title={
        <div className="unit-detail__title">
          <Typography.Title level={4} style={{ margin: 0 }} ellipsis={{ tooltip: unit.name }}>
            {unit.name}
          </Typography.Title>
          <Space size={4} wrap>
            <Tag color="magenta">{levelLabel(unit.level)}</Tag>
            <Tag>{kindLabel(unit.kind, language, t)}</Tag>
            {ended ? <Tag color="default">{t('orgUnits.detail.ended')}</Tag> : <Tag color="green">{t('orgUnits.detail.active')}</Tag>}
          </Space>
        </div>
      }
    >
      {unit.path.length > 1 && (
        <Breadcrumb
          className="unit-detail__path"
          items={unit.path.map((p, i) => ({
            key: p.id,
            title:
              p.id === unit.id || firstVisible < 0 || i < firstVisible ? (
                <span>{p.name}</span>
              ) : (
                <a
                  href={`/org-units/${p.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onSelect(p.id);
                  }}
                >
                  {p.name}
                </a>
              ),
          }))}
        />
      )}
      <Descriptions
        column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
        size="small"
        bordered={bordered}
        items={[
          { key: 'name', label: t('orgUnits.fields.name'), children: unit.name, span: { xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 } },
          { key: 'code', label: t('orgUnits.fields.code'), children: unit.code ? <Typography.Text code>{unit.code}</Typography.Text> : '—' },
          { key: 'level', label: t('orgUnits.fields.level'), children: levelLabel(unit.level) },
          { key: 'kind', label: t('orgUnits.fields.kind'), children: kindLabel(unit.kind, language, t) },
          { key: 'children', label: t('orgUnits.fields.childCount'), children: formatNumber(unit.childCount) },
          { key: 'validFrom', label: t('orgUnits.fields.validFrom'), children: formatDate(unit.validFrom) },
          { key: 'validTo', label: t('orgUnits.fields.validTo'), children: ended ? formatDate(unit.validTo) : t('orgUnits.detail.noEnd') },
          ...(predecessors.length > 0
            ? [
                {
                  key: 'predecessors',
                  label: t('orgUnits.fields.predecessors'),
                  span: { xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 },
                  children: (
                    <Space direction="vertical" size={2}>
                      {predecessors.map((p) => (
                        <span key={p.id}>
                          {p.name}
                          {p.validTo && <Typography.Text type="secondary">{` (${t('orgUnits.detail.until', { date: formatDate(p.validTo) })})`}</Typography.Text>}
                        </span>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && !ended && (
        <div className="unit-detail__actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => onAction('add', unit)}>
            {t('orgUnits.actions.add')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onAction('rename', unit)}>
            {t('orgUnits.actions.rename')}
          </Button>
          {!isRoot && (
            <Button icon={<SwapOutlined />} onClick={() => onAction('move', unit)}>
              {t('orgUnits.actions.move')}
            </Button>
          )}
          {!isRoot && (
            <Button icon={<MergeCellsOutlined />} onClick={() => onAction('merge', unit)}>
              {t('orgUnits.actions.merge')}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
