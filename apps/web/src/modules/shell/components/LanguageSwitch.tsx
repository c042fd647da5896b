import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../../../i18n';

/** Tiếng Việt / English. Vietnamese is the default; the choice is remembered. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { i18n, t } = useTranslation();
  const value: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={value}
      onChange={(lang) => setLanguage(lang)}
      options={[
        { value: 'vi', label: compact ? 'VI' : 'Tiếng Việt', title: 'Tiếng Việt' },
        { value: 'en', label: compact ? 'EN' : 'English', title: 'English' },
      ]}
    />
  );
}
