import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MergeOrgUnits, OrgUnit } from '@sen/contracts';
import { applyApiErrors } from '../../../lib/form-errors';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { useMergeUnits } from '../hooks/useOrgUnits';
import { FormFailure, type Failure } from './FormFailure';
import { UnitPicker } from './UnitPicker';

interface Values {
  sourceIds: string[];
  target: 'existing' | 'new';
  intoId?: string;
  intoName?: string;
  intoCode?: string;
  effectiveFrom: Dayjs;
}

/**
 * Merges units: A and B become C (one of them, or a new unit) from a date. The sources end the day
 * before; what they reported still rolls up into C.
 */
export function MergeModal({
  unit,
  levelLabel,
  open,
  onClose,
  onDone,
}: {
  unit: OrgUnit;
  levelLabel: (code: string) => string;
  open: boolean;
  onClose: () => void;
  onDone: (result: { id?: string }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const merge = useMergeUnits();
  const language = currentLanguage();
  const target = Form.useWatch('target', form) ?? 'existing';
  const effectiveFrom = Form.useWatch('effectiveFrom', form);
  const sourceIds = Form.useWatch('sourceIds', form) ?? [unit.id];
  const self = { id: unit.id, name: unit.name, level: unit.level, parentId: unit.parentId };

  const submit = async (values: Values) => {
    setFailure(null);
    const body: MergeOrgUnits = {
      sourceIds: values.sourceIds,
      into: values.target === 'existing' ? { id: values.intoId! } : { name: values.intoName!.trim(), code: values.intoCode?.trim() || undefined },
      effectiveFrom: toIsoDate(values.effectiveFrom),
    };
    try {
      const result = (await merge.mutateAsync(body)) as { id?: string } | undefined;
      onDone(result ?? {});
    } catch (error) {
      setFailure(
        applyApiErrors(
          form,
          error,
          {
            sourceIds: ['sourceIds'],
            'into.id': ['intoId'],
            'into.name': ['intoName'],
            'into.code': ['intoCode'],
            into: values.target === 'existing' ? ['intoId'] : ['intoName'],
            effectiveFrom: ['effectiveFrom'],
          },
          language,
          t('errors.generic'),
        ),
      );
    }
  };

  return (
    <Modal
      open={open}
      title={t('orgUnits.merge.title')}
      okText={t('orgUnits.merge.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={merge.isPending}
      destroyOnHidden
      width={560}
    >
      <FormFailure failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ sourceIds: [unit.id], target: 'existing', effectiveFrom: dayjs() }}
      >
        <Form.Item
          name="sourceIds"
          label={t('orgUnits.merge.sources')}
          extra={t('orgUnits.merge.sourcesHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('orgUnits.validation.sourcesRequired') }]}
        >
          <UnitPicker mode="multiple" levelLabel={levelLabel} initialUnits={[self]} />
        </Form.Item>
        <Form.Item name="target" label={t('orgUnits.merge.into')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: t('orgUnits.merge.intoExisting') },
              { value: 'new', label: t('orgUnits.merge.intoNew') },
            ]}
          />
        </Form.Item>
        {target === 'existing' ? (
          <Form.Item
            name="intoId"
            label={t('orgUnits.merge.intoUnit')}
            extra={t('orgUnits.merge.intoUnitHelp')}
            rules={[{ required: true, message: t('orgUnits.validation.intoRequired') }]}
          >
            <UnitPicker levelLabel={levelLabel} initialUnits={[self]} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="intoName" label={t('orgUnits.merge.newName')} rules={[{ required: true, whitespace: true, message: t('orgUnits.validation.nameRequired') }, { max: 255 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="intoCode" label={t('orgUnits.fields.code')} rules={[{ max: 64 }]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="effectiveFrom" label={t('orgUnits.fields.effectiveFrom')} rules={[{ required: true, message: t('orgUnits.validation.dateRequired') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Form>
      <Alert
        type="warning"
        showIcon
        message={t('orgUnits.merge.warning', { count: sourceIds.length, date: effectiveFrom ? formatDate(effectiveFrom) : '—' })}
      />
    </Modal>
  );
}
