/**
 * What is true of a kind of part, whatever the moment: one fact, what it owns, what happens
 * when it dies (or, for a container, when it is stopped), and its binary name in each era.
 * Text from FACTS.md, kept in the locale files.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { namesAcrossEras } from '../host/componentCatalog';
import type { PartRole } from '../host/hostParts';

/** Roles with a line under `facts.` in the locale files (the host shell and systemd have none). */
type FactRole = Exclude<PartRole, 'user' | 'systemd'>;

function hasFact(role: PartRole): role is FactRole {
  return role !== 'user' && role !== 'systemd';
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{term}</dt>
      <dd className="mb-1">{children}</dd>
    </>
  );
}

/** Owns / when it dies, for the parts with a lifecycle worth telling. */
function LifeFacts({ role }: { role: PartRole }) {
  const { t } = useTranslation();
  switch (role) {
    case 'systemd':
      return <Fact term={t('inspector.owns')}>{t('inspector.roleFacts.systemd.owns')}</Fact>;
    case 'container':
      return (
        <>
          <Fact term={t('inspector.owns')}>{t('inspector.roleFacts.container.owns')}</Fact>
          <Fact term={t('inspector.whenStopped')}>{t('inspector.roleFacts.container.stops')}</Fact>
        </>
      );
    case 'dockerd':
    case 'containerd':
    case 'shim':
    case 'runc':
      return (
        <>
          <Fact term={t('inspector.owns')}>{t(`inspector.roleFacts.${role}.owns`)}</Fact>
          <Fact term={t('inspector.whenItDies')}>{t(`inspector.roleFacts.${role}.dies`)}</Fact>
        </>
      );
    default:
      return null;
  }
}

function NamesAcrossEras({ role }: { role: PartRole }) {
  const { t } = useTranslation();
  const rows = role === 'user' || role === 'systemd' ? null : namesAcrossEras(role);
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

export function PartFacts({ role }: { role: PartRole }) {
  const { t } = useTranslation();
  return (
    <>
      <dl>
        {hasFact(role) && <Fact term={t('inspector.fact')}>{t(`facts.${role}`)}</Fact>}
        <LifeFacts role={role} />
      </dl>
      <NamesAcrossEras role={role} />
    </>
  );
}
