import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@sen/contracts';
import { applyApiErrors } from '../../../lib/form-errors';
import { currentLanguage } from '../../../i18n';
import { FormFailure, type Failure } from '../../org-units/components/FormFailure';
import { useResetPassword } from '../hooks/useUsers';

/** Sets a new password (which also unlocks the account). */
export function ResetPasswordModal({ user, onClose, onDone }: { user: UserDto; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const reset = useResetPassword();

  const submit = async (values: { password: string }) => {
    setFailure(null);
    try {
      await reset.mutateAsync({ id: user.id, password: values.password });
      onDone();
    } catch (error) {
      setFailure(applyApiErrors(form, error, { password: ['password'] }, currentLanguage(), t('errors.generic')));
    }
  };

  return (
    <Modal
      open
      title={t('users.reset.title', { name: user.username })}
      okText={t('users.reset.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.reset.help')}</Typography.Paragraph>
      <FormFailure failure={failure} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="password"
          label={t('users.reset.password')}
          extra={t('users.passwordHelp')}
          rules={[
            { required: true, message: t('users.validation.passwordRequired') },
            { min: 10, message: t('users.validation.passwordShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.reset.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('users.validation.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('users.validation.confirmMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
