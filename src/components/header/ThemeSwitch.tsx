/** System, Light or Dark; "System" follows the operating system live. */
import { useTranslation } from 'react-i18next';
import { THEME_PREFERENCES } from '../../store/themePreference';
import { useUiStore } from '../../store/uiStore';
import { SegmentedControl } from './SegmentedControl';

export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);
  return (
    <SegmentedControl
      legend={t('header.theme.legend')}
      showLegend
      options={THEME_PREFERENCES.map((value) => ({ value, label: t(`header.theme.${value}`) }))}
      value={theme}
      onChange={setTheme}
    />
  );
}
