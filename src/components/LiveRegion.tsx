/**
 * The one polite live region of the app: screen readers read each new announcement once.
 * Contract: always mounted (a region added at the moment of a change is not read), visually
 * hidden, and fed only through useAnnouncementStore().announce().
 */
import { useAnnouncementStore } from '../store/announcementStore';

export function LiveRegion() {
  const current = useAnnouncementStore((state) => state.current);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {/* A new key per announcement makes a repeated message count as new text. */}
      {current && <span key={current.id}>{current.message}</span>}
    </div>
  );
}
