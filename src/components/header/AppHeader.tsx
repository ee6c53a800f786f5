/**
 * The banner: app name and the three settings a teacher reaches for first. Wraps onto a
 * second line on narrow screens instead of overflowing. In an iframe that asked for the
 * minimal chrome, only the name and a link to the full app.
 */
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import { EraSelect } from './EraSelect';
import { FullAppLink } from './FullAppLink';
import { ModeSwitch } from './ModeSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { ViewSwitch } from './ViewSwitch';

export function AppHeader() {
  const { t } = useTranslation();
  const minimal = useUiStore((s) => s.chrome === 'minimal');
  if (minimal)
    return (
      <header className="flex items-center gap-3 border-b border-slate-200 px-3 py-1 dark:border-slate-700">
        <h1 className="mr-auto text-base font-bold">{t('app.name')}</h1>
        <FullAppLink />
      </header>
    );
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 lg:gap-x-5 border-b border-slate-200 px-3 py-2 lg:px-4 dark:border-slate-700">
      <h1 className="mr-auto flex items-baseline gap-2 text-lg font-bold">
        {t('app.name')}
        <span className="hidden text-sm font-normal text-muted xl:inline">{t('app.tagline')}</span>
      </h1>
      <ViewSwitch />
      <ModeSwitch />
      <ThemeSwitch />
      <EraSelect />
    </header>
  );
}
