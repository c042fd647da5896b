import { Card, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SenLogo } from '../components/SenLogo';
import { LoginForm } from '../modules/auth/components/LoginForm';
import { useSession } from '../modules/auth/hooks/useSession';
import { LanguageSwitch } from '../modules/shell/components/LanguageSwitch';

function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = safeRedirect((location.state as { from?: unknown } | null)?.from);

  if (session) return <Navigate to={from} replace />;

  return (
    <main className="login-page">
      <div className="login-page__language">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-card__brand">
          <SenLogo size={64} />
          <Typography.Title level={1} className="login-card__title">
            Sen
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="login-card__subtitle">
            {t('app.tagline')}
          </Typography.Paragraph>
        </div>
        <LoginForm onSuccess={() => navigate(from, { replace: true })} />
      </Card>
      <Typography.Text type="secondary" className="login-page__footer">
        {t('login.footer')}
      </Typography.Text>
    </main>
  );
}
