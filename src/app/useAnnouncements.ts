/**
 * Tells screen-reader users about changes they caused but may not see: mode, theme, era, and
 * which component the inspector now shows. Watches the store, so a change made from anywhere
 * (header, keyboard shortcut, lesson) is announced the same way.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncementStore } from '../store/announcementStore';
import { useUiStore } from '../store/uiStore';
import { partRoleOf } from '../components/host/partIds';

export function useAnnouncements() {
  const { t } = useTranslation();
  const announce = useAnnouncementStore((state) => state.announce);
  useEffect(
    () =>
      useUiStore.subscribe((state, previous) => {
        if (state.mode !== previous.mode) {
          announce(t('announce.mode', { value: t(`header.mode.${state.mode}`) }));
        }
        if (state.theme !== previous.theme) {
          announce(t('announce.theme', { value: t(`header.theme.${state.theme}`) }));
        }
        if (state.era !== previous.era) {
          announce(t('announce.era', { value: t(`eras.${state.era}.long`) }));
        }
        if (state.selectedPart !== previous.selectedPart && state.selectedPart) {
          announce(
            t('announce.selected', { value: t(`components.${partRoleOf(state.selectedPart)}`) }),
          );
        }
      }),
    [announce, t],
  );
}
