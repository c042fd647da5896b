import { useState } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, UpdateOrgUnit } from '@sen/contracts';
import { applyApiErrors } from '../../../lib/form-errors';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { currentLanguage } from '../../../i18n';
import { useUpdateUnit } from '../hooks/useOrgUnits';
import { FormFailure, type Failure } from './FormFailure';

interface Values {
  name: string;
  code?: string;
  effectiveFrom: Dayjs;
}

/** Renames a unit (and/or changes its code) from a date; the old name stays in the history. */
export function RenameModal({ unit, open, onClose, onDone }: { unit: OrgUnit; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const update = useUpdateUnit();
  const language = currentLanguage();

  const submit = async (values: Values) => {
    setFailure(null);
    const body: UpdateOrgUnit = { effectiveFrom: toIsoDate(values.effectiveFrom) };
    const name = values.name.trim();
    const code = values.code?.trim() ?? '';
    if (name !== unit.name) body.name = name;
    if (code !== (unit.code ?? '')) body.code = code === '' ? null : code;
    if (body.name === undefined && body.code === undefined) {
      setFailure({ message: t('orgUnits.rename.nothingChanged'), details: [] });
      return;
    }
    try {
      await update.mutateAsync({ id: unit.id, body });
      onDone();
    } catch (error) {
      setFailure(applyApiErrors(form, error, { name: ['name'], code: ['code'], effectiveFrom: ['effectiveFrom'] }, language, t('errors.generic')));
    }
  };

  return (
    <Modal
      open={open}
      title={t('orgUnits.rename.title', { name: unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <FormFailure failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ name: unit.name, code: unit.code ?? '', effectiveFrom: dayjs() }}
      >
        <Form.Item name="name" label={t('orgUnits.fields.newName')} rules={[{ required: true, whitespace: true, message: t('orgUnits.validation.nameRequired') }, { max: 255 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="code" label={t('orgUnits.fields.code')} rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="effectiveFrom"
          label={t('orgUnits.fields.effectiveFrom')}
          extra={t('orgUnits.rename.effectiveHelp')}
          rules={[{ required: true, message: t('orgUnits.validation.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
