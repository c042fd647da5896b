import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@sen/contracts';
import { allowed } from '../../shell/menu';
import { useSession } from '../hooks/useSession';

/** Shows the page only to users holding one of the roles (the API checks again; this spares a 403). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!allowed(roles, session?.user.roles)) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  }
  return <>{children}</>;
}
