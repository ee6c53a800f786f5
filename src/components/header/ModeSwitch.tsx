/** Lessons or Sandbox: what the narration panel and, later, the whole app are driven by. */
import { useTranslation } from 'react-i18next';
import { MODES, useUiStore } from '../../store/uiStore';
import { SegmentedControl } from './SegmentedControl';

export function ModeSwitch() {
  const { t } = useTranslation();
  const mode = useUiStore((state) => state.mode);
  const setMode = useUiStore((state) => state.setMode);
  return (
    <SegmentedControl
      legend={t('header.mode.legend')}
      options={MODES.map((value) => ({ value, label: t(`header.mode.${value}`) }))}
      value={mode}
      onChange={setMode}
    />
  );
}
