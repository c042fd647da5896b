import { useState } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, UserDto } from '@sen/contracts';
import { errorMessage, fieldReason, isApiError } from '../../../lib/api-error';
import { currentLanguage } from '../../../i18n';
import { FormFailure, type Failure } from '../../org-units/components/FormFailure';
import { useCreateUser, useUpdateUser } from '../hooks/useUsers';
import { userFieldPath } from '../roles';
import { RoleAssignmentsField } from './RoleAssignmentsField';

interface Values {
  username?: string;
  displayName: string;
  email?: string;
  password?: string;
  status?: 'active' | 'disabled';
  roles: { role: Role; unitId: string }[];
}

/** Creates a user (username, name, password, roles) or edits one (name, status, roles). */
export function UserFormModal({
  user,
  roles,
  defaultUnitId,
  onClose,
  onSaved,
}: {
  /** null: a new user. */
  user: UserDto | null;
  roles: Role[];
  defaultUnitId?: string;
  onClose: () => void;
  onSaved: (user: UserDto) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = !!user;
  const knownNames = Object.fromEntries((user?.roles ?? []).map((r) => [r.unitId, r.unitName]));

  const submit = async (values: Values) => {
    setFailure(null);
    const roleRows = values.roles.map((r) => ({ role: r.role, unitId: r.unitId }));
    try {
      const saved = editing
        ? await update.mutateAsync({
            id: user.id,
            body: { displayName: values.displayName.trim(), status: values.status, email: values.email?.trim() || null, roles: roleRows },
          })
        : await create.mutateAsync({
            username: values.username!.trim(),
            displayName: values.displayName.trim(),
            email: values.email?.trim() || undefined,
            password: values.password!,
            roles: roleRows,
          });
      onSaved(saved);
    } catch (error) {
      const details: string[] = [];
      if (isApiError(error)) {
        const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
        for (const fe of error.fieldErrors) {
          const path = userFieldPath(fe.field);
          if (!path) {
            details.push(fe.field ? `${fe.field}: ${fieldReason(fe, language)}` : fieldReason(fe, language));
            continue;
          }
          const key = path.join('.');
          const entry = byPath.get(key) ?? { name: path, errors: [] };
          entry.errors.push(fieldReason(fe, language));
          byPath.set(key, entry);
        }
        form.setFields([...byPath.values()] as Parameters<typeof form.setFields>[0]);
      }
      setFailure({ message: errorMessage(error, language, t('errors.generic')), details });
    }
  };

  return (
    <Modal
      open
      title={editing ? t('users.edit.title', { name: user.username }) : t('users.create.title')}
      okText={editing ? t('common.save') : t('users.create.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      destroyOnHidden
    >
      <FormFailure failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          user
            ? { displayName: user.displayName, email: user.email ?? '', status: user.status, roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId })) }
            : { roles: [{ role: 'reporter', unitId: defaultUnitId }] }
        }
      >
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.fields.username')}
            extra={t('users.create.usernameHelp')}
            normalize={(v: string) => v.toLowerCase()}
            rules={[
              { required: true, whitespace: true, message: t('users.validation.usernameRequired') },
              { pattern: /^\s*[a-z0-9][a-z0-9._-]{1,63}\s*$/, message: t('users.validation.usernameInvalid') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.fields.displayName')} rules={[{ required: true, whitespace: true, message: t('users.validation.displayNameRequired') }, { max: 255 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.fields.email')} rules={[{ type: 'email', message: t('users.validation.emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.fields.password')}
            extra={t('users.passwordHelp')}
            rules={[
              { required: true, message: t('users.validation.passwordRequired') },
              { min: 10, message: t('users.validation.passwordShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="status" label={t('users.fields.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('users.status.active') },
                { value: 'disabled', label: t('users.status.disabled') },
              ]}
            />
          </Form.Item>
        )}
        <RoleAssignmentsField roles={roles} knownNames={knownNames} />
      </Form>
    </Modal>
  );
}
