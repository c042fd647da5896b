import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined, BankOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoginRequest } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { isApiError } from '../../../lib/api-error';
import { applyApiErrors } from '../../../lib/form-errors';
import { currentLanguage } from '../../../i18n';

const LAST_TENANT_KEY = 'sen.lastTenant';

function lastTenant(): string {
  try {
    return window.localStorage.getItem(LAST_TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Tenant code, user name, password → a session. Shows the API's message when the login is refused. */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginRequest>();
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);

  const login = useMutation({
    mutationFn: (values: LoginRequest) => client.login(values),
    onMutate: () => setFailure(null),
    onSuccess: (_res, values) => {
      try {
        window.localStorage.setItem(LAST_TENANT_KEY, values.tenant);
      } catch {
        // not remembered
      }
      queryClient.clear();
      onSuccess();
    },
    onError: (error) => {
      const fallback = isApiError(error) && error.status === 0 ? t('errors.network') : t('login.failed');
      setFailure(
        applyApiErrors(form, error, { tenant: ['tenant'], username: ['username'], password: ['password'] }, currentLanguage(), fallback),
      );
    },
  });

  return (
    <Form<LoginRequest>
      form={form}
      layout="vertical"
      requiredMark={false}
      size="large"
      initialValues={{ tenant: lastTenant(), username: '', password: '' }}
      onFinish={(values) => login.mutate({ ...values, tenant: values.tenant.trim().toUpperCase(), username: values.username.trim() })}
      onValuesChange={() => failure && setFailure(null)}
      disabled={login.isPending}
    >
      {failure && (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={failure.message}
          description={failure.details.length > 0 ? failure.details.join('; ') : undefined}
        />
      )}
      <Form.Item
        name="tenant"
        label={t('login.tenant')}
        normalize={(value: string) => value.toUpperCase()}
        rules={[
          { required: true, whitespace: true, message: t('login.tenantRequired') },
          { pattern: /^\s*[A-Za-z][A-Za-z0-9_]{1,15}\s*$/, message: t('login.tenantInvalid') },
        ]}
      >
        <Input prefix={<BankOutlined />} placeholder={t('login.tenantPlaceholder')} autoComplete="organization" autoCapitalize="characters" maxLength={16} />
      </Form.Item>
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
