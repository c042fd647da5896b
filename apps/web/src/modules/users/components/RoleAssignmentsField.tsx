import { Button, Form, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '@sen/contracts';
import { roleLabel } from '../../../lib/labels';
import { currentLanguage } from '../../../i18n';
import { UnitTreeSelect } from '../../org-units/components/UnitTreeSelect';

/** A list of {role, unit} rows: the role from a Vietnamese list, the unit from the user's tree. */
export function RoleAssignmentsField({ roles, knownNames }: { roles: Role[]; knownNames?: Record<string, string | null> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_rule, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('users.validation.rolesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="role-rows">
          {fields.map((field, index) => (
            <div key={field.key} className="role-row">
              <Form.Item
                name={[field.name, 'role']}
                label={index === 0 ? t('users.fields.role') : undefined}
                rules={[{ required: true, message: t('users.validation.roleRequired') }]}
                className="role-row__role"
              >
                <Select
                  aria-label={t('users.fields.roleN', { n: index + 1 })}
                  options={roles.map((r) => ({ value: r, label: roleLabel(r, language, t) }))}
                  placeholder={t('users.fields.rolePlaceholder')}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'unitId']}
                label={index === 0 ? t('users.fields.unit') : undefined}
                rules={[{ required: true, message: t('users.validation.unitRequired') }]}
                className="role-row__unit"
              >
                <UnitTreeSelect aria-label={t('users.fields.unitN', { n: index + 1 })} knownNames={knownNames} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('users.actions.removeRole', { n: index + 1 })}
                onClick={() => remove(field.name)}
                disabled={fields.length <= 1}
                className="role-row__remove"
              />
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Space>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'reporter' })}>
              {t('users.actions.addRole')}
            </Button>
          </Space>
        </div>
      )}
    </Form.List>
  );
}
