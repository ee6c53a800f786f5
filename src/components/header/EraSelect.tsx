/** Which period of Docker's history the host shows; the options come from src/sim/eras.ts. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ERAS, isEra } from '../../sim/eras';
import { useUiStore } from '../../store/uiStore';

export function EraSelect() {
  const { t } = useTranslation();
  const era = useUiStore((state) => state.era);
  const setEra = useUiStore((state) => state.setEra);
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      {/* The options name the era ("Docker 20.10+"): the label shows where there is room. */}
      <label htmlFor={id} className="sr-only text-sm xl:not-sr-only">
        {t('header.era.label')}
      </label>
      <select
        id={id}
        value={era}
        onChange={(event) => {
          if (isEra(event.target.value)) setEra(event.target.value);
        }}
        title={t(`eras.${era}.long`)}
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-slate-500 dark:bg-slate-900 dark:focus-visible:outline-sky-300"
      >
        {ERAS.map((value) => (
          <option key={value} value={value}>
            {t(`eras.${value}.short`)}
          </option>
        ))}
      </select>
    </div>
  );
}
