// Language toggle: two languages, so one click switches to the other (shows the target language).
import { Button, Tooltip } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/index.tsx';

export function LangSwitch({ light = false }: { light?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Tooltip title={t('lang.switch')}>
      <Button
        type="text"
        data-testid="lang-switch"
        data-locale={locale}
        icon={<TranslationOutlined />}
        style={light ? { color: '#fff' } : undefined}
        aria-label={t('lang.switch')}
        onClick={() => setLocale(next)}
      >
        {t('lang.other')}
      </Button>
    </Tooltip>
  );
}
