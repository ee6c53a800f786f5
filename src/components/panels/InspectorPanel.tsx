/**
 * Inspector: what the selected component is, what it was called in each era, and one fact
 * about it (from FACTS.md, kept in the locale files). Reads the selection from the store.
 */
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import {
  componentName,
  isHostRole,
  namesAcrossEras,
  type HostRole,
} from '../host/componentCatalog';

function NamesAcrossEras({ role }: { role: HostRole }) {
  const { t } = useTranslation();
  const rows = namesAcrossEras(role);
  if (!rows) return null;
  return (
    <>
      <h4>{t('inspector.perEra')}</h4>
      <table className="w-full text-left">
        <tbody>
          {rows.map(({ era, name }) => (
            <tr key={era} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-2 font-normal">
                {t(`eras.${era}.short`)}
              </th>
              {name === null ? (
                <td className="text-muted py-1">{t('inspector.absent')}</td>
              ) : (
                <td className="py-1 font-mono">
                  {role === 'api' ? t('inspector.apiVersion', { version: name }) : name}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function InspectorPanel() {
  const { t } = useTranslation();
  const selected = useUiStore((state) => state.selectedComponent);
  const era = useUiStore((state) => state.era);
  if (selected === null || !isHostRole(selected)) {
    return <p className="text-muted">{t('inspector.empty')}</p>;
  }
  const name = componentName(era, selected);
  return (
    <div className="prose-panel">
      <h3 className="font-mono">{name ?? componentName('modern', selected)}</h3>
      {name === null && <p className="text-muted">{t('inspector.notInEra')}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3">
        <dt className="text-muted">{t('inspector.role')}</dt>
        <dd>{t(`components.${selected}`)}</dd>
        <dt className="text-muted">{t('inspector.fact')}</dt>
        <dd>{t(`facts.${selected}`)}</dd>
      </dl>
      <NamesAcrossEras role={selected} />
    </div>
  );
}
