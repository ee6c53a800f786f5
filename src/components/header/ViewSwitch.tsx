/**
 * Host, Build or Cluster: what the main area shows (the host diagram, the Dockerfile editor with
 * the image anatomy, or the Swarm cluster). In the header, so the skip link still lands right
 * before the view itself.
 */
import { useTranslation } from 'react-i18next';
import { useUiStore, VIEWS } from '../../store/uiStore';
import { SegmentedControl } from './SegmentedControl';

export function ViewSwitch() {
  const { t } = useTranslation();
  const view = useUiStore((state) => state.view);
  const setView = useUiStore((state) => state.setView);
  const options = VIEWS.map((value) => ({ value, label: t(`build.view.${value}`) }));
  return (
    <SegmentedControl
      legend={t('build.view.legend')}
      options={options}
      value={view}
      onChange={setView}
    />
  );
}
