import { Button, Form, Input, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LEVEL_CODE_PATTERN, type LevelRow } from '../onboarding';

/** The tenant's levels, top first: each a code (used in unit files) and a name (shown to people). */
export function LevelsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="levels"
      rules={[
        {
          validator: async (_r, value: LevelRow[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('tenants.wizard.levelsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <div className="levels-editor">
          <div className="levels-editor__head" aria-hidden>
            <span className="levels-editor__n">#</span>
            <Typography.Text type="secondary" className="levels-editor__code">
              {t('tenants.wizard.levelCode')}
            </Typography.Text>
            <Typography.Text type="secondary" className="levels-editor__name">
              {t('tenants.wizard.levelName')}
            </Typography.Text>
          </div>
          {fields.map((field, index) => (
            <div key={field.key} className="levels-editor__row">
              <span className="levels-editor__n">{index + 1}</span>
              <Form.Item
                name={[field.name, 'code']}
                className="levels-editor__code"
                rules={[
                  { required: true, message: t('tenants.wizard.levelCodeRequired') },
                  { pattern: LEVEL_CODE_PATTERN, message: t('tenants.wizard.levelCodeInvalid') },
                  ({ getFieldValue }) => ({
                    validator: async (_r, value: string) => {
                      const all = (getFieldValue('levels') as LevelRow[] | undefined) ?? [];
                      if (value && all.filter((l) => l?.code === value).length > 1) throw new Error(t('tenants.wizard.levelCodeDuplicate'));
                    },
                  }),
                ]}
              >
                <Input aria-label={t('tenants.wizard.levelCodeN', { n: index + 1 })} placeholder="grassroots" autoCapitalize="none" spellCheck={false} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                className="levels-editor__name"
                rules={[{ required: true, whitespace: true, message: t('tenants.wizard.levelNameRequired') }]}
              >
                <Input aria-label={t('tenants.wizard.levelNameN', { n: index + 1 })} placeholder={t('tenants.wizard.levelNamePlaceholder')} />
              </Form.Item>
              <Space size={0} className="levels-editor__actions">
                <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('tenants.wizard.moveUp', { n: index + 1 })} />
                <Button
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                  aria-label={t('tenants.wizard.moveDown', { n: index + 1 })}
                />
                <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('tenants.wizard.removeLevel', { n: index + 1 })} />
              </Space>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '' })} disabled={fields.length >= 8}>
            {t('tenants.wizard.addLevel')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
