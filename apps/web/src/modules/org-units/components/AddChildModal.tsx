import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type OrgUnit, type OrgUnitListItem, type UnitKind } from '@sen/contracts';
import { applyApiErrors } from '../../../lib/form-errors';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format';
import { kindLabel, type TenantLevel } from '../../../lib/labels';
import { currentLanguage } from '../../../i18n';
import { useChildren, useCreateUnit } from '../hooks/useOrgUnits';
import { FormFailure, type Failure } from './FormFailure';

interface Values {
  name: string;
  code?: string;
  level: string;
  kind: UnitKind;
  validFrom?: Dayjs | null;
}

/** The level under the parent's level in the tenant's configuration (the same one at the bottom). */
export function childLevel(parentLevel: string, levels: TenantLevel[]): string | undefined {
  const index = levels.findIndex((l) => l.code === parentLevel);
  if (index < 0) return levels[0]?.code;
  return (levels[index + 1] ?? levels[index])?.code;
}

/**
 * The level a new child most likely has: the one most of the current unions under the parent have
 * (after the 2025 reform a city's unions sit at grassroots, not district), else the next configured level.
 */
export function likelyChildLevel(parentLevel: string, levels: TenantLevel[], siblings: OrgUnitListItem[] | undefined): string | undefined {
  const counts = new Map<string, number>();
  for (const s of siblings ?? []) if (s.kind === 'union') counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return common && levels.some((l) => l.code === common) ? common : childLevel(parentLevel, levels);
}

export function AddChildModal({
  parent,
  levels,
  levelLabel,
  open,
  onClose,
  onCreated,
}: {
  parent: OrgUnit;
  levels: TenantLevel[];
  levelLabel: (code: string) => string;
  open: boolean;
  onClose: () => void;
  onCreated: (unit: { id: string }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const create = useCreateUnit();
  const language = currentLanguage();
  const siblings = useChildren(parent.id);
  const suggestedLevel = likelyChildLevel(parent.level, levels, siblings.data?.items);

  // Once the current children are known, suggest their level unless the user already chose one.
  useEffect(() => {
    if (suggestedLevel && !form.isFieldTouched('level')) form.setFieldValue('level', suggestedLevel);
  }, [form, suggestedLevel]);

  const submit = async (values: Values) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        code: values.code?.trim() || undefined,
        level: values.level,
        kind: values.kind,
        parentId: parent.id,
        validFrom: values.validFrom ? toIsoDate(values.validFrom) : undefined,
      });
      form.resetFields();
      onCreated(created);
    } catch (error) {
      setFailure(
        applyApiErrors(form, error, { name: ['name'], code: ['code'], level: ['level'], kind: ['kind'], validFrom: ['validFrom'] }, language, t('errors.generic')),
      );
    }
  };

  return (
    <Modal
      open={open}
      title={t('orgUnits.add.title', { parent: parent.name })}
      okText={t('orgUnits.add.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <FormFailure failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ level: childLevel(parent.level, levels), kind: 'union', validFrom: null }}
      >
        <Form.Item name="name" label={t('orgUnits.fields.name')} rules={[{ required: true, whitespace: true, message: t('orgUnits.validation.nameRequired') }, { max: 255 }]}>
          <Input placeholder={t('orgUnits.add.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item name="code" label={t('orgUnits.fields.code')} extra={t('orgUnits.add.codeHelp')} rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="level" label={t('orgUnits.fields.level')} rules={[{ required: true, message: t('orgUnits.validation.levelRequired') }]}>
          <Select options={levels.map((l) => ({ value: l.code, label: levelLabel(l.code) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('orgUnits.fields.kind')} rules={[{ required: true }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k, language, t) }))} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('orgUnits.fields.validFrom')} extra={t('orgUnits.add.validFromHelp')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
