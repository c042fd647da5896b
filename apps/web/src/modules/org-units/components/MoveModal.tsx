import { useState } from 'react';
import { DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@sen/contracts';
import { applyApiErrors } from '../../../lib/form-errors';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { useUpdateUnit } from '../hooks/useOrgUnits';
import { FormFailure, type Failure } from './FormFailure';
import { UnitPicker } from './UnitPicker';

interface Values {
  parentId: string;
  effectiveFrom: Dayjs;
}

/** Moves a unit (with everything under it) to another parent from a date. */
export function MoveModal({
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
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const update = useUpdateUnit();
  const language = currentLanguage();
  const currentParent = unit.path.filter((p) => p.id !== unit.id).at(-1);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      await update.mutateAsync({ id: unit.id, body: { parentId: values.parentId, effectiveFrom: toIsoDate(values.effectiveFrom) } });
      onDone();
    } catch (error) {
      setFailure(applyApiErrors(form, error, { parentId: ['parentId'], effectiveFrom: ['effectiveFrom'] }, language, t('errors.generic')));
    }
  };

  return (
    <Modal
      open={open}
      title={t('orgUnits.move.title', { name: unit.name })}
      okText={t('orgUnits.move.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <FormFailure failure={failure} />
      {currentParent && (
        <Typography.Paragraph type="secondary">{t('orgUnits.move.currentParent', { parent: currentParent.name })}</Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ effectiveFrom: dayjs() }}>
        <Form.Item name="parentId" label={t('orgUnits.fields.newParent')} rules={[{ required: true, message: t('orgUnits.validation.parentRequired') }]}>
          <UnitPicker levelLabel={levelLabel} excludeIds={[unit.id, ...(unit.parentId ? [unit.parentId] : [])]} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('orgUnits.fields.effectiveFrom')} rules={[{ required: true, message: t('orgUnits.validation.dateRequired') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
