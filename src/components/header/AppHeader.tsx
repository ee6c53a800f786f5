/**
 * The banner: app name and the three settings a teacher reaches for first. Wraps onto a
 * second line on narrow screens instead of overflowing.
 */
import { useTranslation } from 'react-i18next';
import { EraSelect } from './EraSelect';
import { ModeSwitch } from './ModeSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { ViewSwitch } from './ViewSwitch';

export function AppHeader() {
  const { t } = useTranslation();
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
