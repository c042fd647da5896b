import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Form, InputNumber, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError, PlanDetail } from '@sen/contracts';
import { errorMessage, fieldReason, isApiError } from '../../../lib/api-error';
import { formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { useQuery } from '@tanstack/react-query';
import type { OrgUnitListItem } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { listChildren } from '../../org-units/api/org-units.api';
import { useAllocateTarget } from '../hooks/usePlans';
import { allocatableTargets, allocationSum } from '../allocation';

interface Props {
  plan: PlanDetail;
}

/** "2.500" ↔ 2500 in the inputs, as every number of the app is written. */
const formatInput = (value: string | number | undefined): string => {
  if (value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? formatNumber(n, 3) : String(value);
};
const parseInput = (text: string | undefined): number => {
  const n = Number((text ?? '').replace(/\./g, '').replace(',', '.').replace(/[^\d.-]/g, ''));
  return Number.isFinite(n) ? n : 0;
};

const PAGE = 500;

/**
 * The unions directly below the plan's unit (every page: a city has more than a hundred communes). Its
 * departments and affiliates carry out the plan but are not given a share of the target, unless the unit has
 * nothing else below it.
 */
function useAllocationUnits(unitId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['plans', 'allocation-units', unitId],
    queryFn: async ({ signal }) => {
      const all: OrgUnitListItem[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await listChildren(client, unitId, offset, PAGE, signal);
        all.push(...page.items);
        if (page.items.length < PAGE || all.length >= page.total) break;
      }
      const unions = all.filter((u) => u.kind === 'union');
      return unions.length > 0 ? unions : all;
    },
  });
}

/**
 * Splits a numeric target of the plan between the units directly below the plan's unit: one input per unit,
 * the running sum against the target, and the API's refusal (field and reason) when it does not add up.
 */
export function AllocationEditor({ plan }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { message } = AntApp.useApp();
  const targets = useMemo(() => allocatableTargets(plan.content.targets), [plan.content.targets]);
  const [targetIndex, setTargetIndex] = useState<number | undefined>(targets[0]?.index);
  const children = useAllocationUnits(plan.unitId);
  const allocate = useAllocateTarget(plan.id);
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [refusal, setRefusal] = useState<{ message: string; fields: FieldError[] } | null>(null);

  // The inputs start from what is saved for the chosen target.
  useEffect(() => {
    const saved: Record<string, number | null> = {};
    for (const a of plan.allocations) if (a.targetIndex === targetIndex) saved[a.unitId] = a.value;
    setValues(saved);
    setRefusal(null);
  }, [targetIndex, plan.allocations]);

  const chosen = targets.find((x) => x.index === targetIndex)?.target;
  const units = children.data ?? [];
  const sum = chosen ? allocationSum(chosen.value, units.map((u) => values[u.id])) : null;
  const editable = plan.canWrite && plan.status !== 'closed' && plan.status !== 'superseded';

  if (targets.length === 0) return <Empty description={t('plans.allocation.noTargets')} />;

  const onSave = async () => {
    if (targetIndex === undefined) return;
    setRefusal(null);
    try {
      await allocate.mutateAsync({
        targetIndex,
        allocations: units.flatMap((u) => (typeof values[u.id] === 'number' ? [{ unitId: u.id, value: values[u.id] as number }] : [])),
      });
      message.success(t('plans.allocation.saved'));
    } catch (e) {
      setRefusal({ message: errorMessage(e, language, t('errors.generic')), fields: isApiError(e) ? e.fieldErrors : [] });
    }
  };

  const fieldLabel = (field: string): string => {
    const unit = /^allocations\.(\d+)\./u.exec(field);
    if (unit) return t('plans.allocation.fieldUnit', { index: Number(unit[1]) + 1 });
    return field === 'allocations' || field === 'targetIndex' ? t(`plans.allocation.field.${field}`) : field;
  };

  const unitLabel = chosen?.unit ? ` ${chosen.unit}` : '';
  return (
    <Card size="small" className="plan-allocation" data-testid="plan-allocation">
      <Form layout="vertical" component="div">
        <Form.Item label={t('plans.allocation.target')} htmlFor="allocation-target">
          <Select
            id="allocation-target"
            value={targetIndex}
            onChange={setTargetIndex}
            options={targets.map(({ index, target }) => ({
              value: index,
              label: `${formatNumber(target.value)}${target.unit ? ` ${target.unit}` : ''} — ${target.text}`,
            }))}
            popupMatchSelectWidth={false}
            style={{ maxWidth: '100%' }}
          />
        </Form.Item>
      </Form>
      {children.isLoading ? (
        <Skeleton active />
      ) : units.length === 0 ? (
        <Empty description={t('plans.allocation.noChildren')} />
      ) : (
        <>
          {sum && chosen && (
            <div className="plan-allocation__sum" data-testid="allocation-sum" aria-live="polite">
              <Typography.Text strong>
                {t('plans.allocation.sum', { allocated: formatNumber(sum.allocated), total: formatNumber(chosen.value), unit: unitLabel })}
              </Typography.Text>{' '}
              <Typography.Text type={sum.balanced ? 'success' : 'warning'}>
                {sum.balanced
                  ? t('plans.allocation.balanced')
                  : sum.difference < 0
                    ? t('plans.allocation.short', { n: formatNumber(-sum.difference), unit: unitLabel })
                    : t('plans.allocation.over', { n: formatNumber(sum.difference), unit: unitLabel })}
              </Typography.Text>
            </div>
          )}
          {refusal && (
            <Alert
              type="error"
              showIcon
              className="plan-allocation__error"
              data-testid="allocation-error"
              message={refusal.message}
              description={
                refusal.fields.length > 0 ? (
                  <ul className="plan-allocation__fields">
                    {refusal.fields.map((f, i) => (
                      <li key={i}>
                        <strong>{fieldLabel(f.field)}</strong>: {fieldReason(f, language)}
                      </li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          {editable && (
            <Space className="plan-allocation__actions">
              <Button type="primary" loading={allocate.isPending} onClick={() => void onSave()} data-testid="allocation-save">
                {t('plans.allocation.save')}
              </Button>
            </Space>
          )}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={units}
            columns={[
              { key: 'name', title: t('plans.allocation.unit'), dataIndex: 'name' },
              {
                key: 'value',
                title: t('plans.allocation.value'),
                width: 220,
                render: (_: unknown, u: (typeof units)[number]) => (
                  <InputNumber<number>
                    aria-label={t('plans.allocation.valueFor', { unit: u.name })}
                    data-testid={`allocation-input-${u.id}`}
                    min={0}
                    value={values[u.id] ?? null}
                    disabled={!editable}
                    formatter={formatInput}
                    parser={parseInput}
                    onChange={(v) => setValues((prev) => ({ ...prev, [u.id]: v }))}
                    style={{ width: '100%' }}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
