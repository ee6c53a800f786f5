/**
 * What the learner is told once about what was saved, opened or loaded: progress that could
 * not be read, an import refused or done, a sandbox session not restored, a link that could not
 * be opened, a lesson file refused or loaded.
 *
 * Contract: one notice per subject (an import's success replaces its failure), oldest first,
 * until dismissed. It lives apart from the lessons so the first screen can tell without
 * loading the lesson player.
 */
import { create } from 'zustand';

export type StoreNotice =
  | { readonly kind: 'progressReset'; readonly reason: string }
  | { readonly kind: 'importFailed'; readonly reason: string }
  | { readonly kind: 'imported' }
  | { readonly kind: 'sessionReset'; readonly reason: string }
  /** A permalink that could not be opened (too long, damaged): a fresh host started instead. */
  | { readonly kind: 'linkDamaged'; readonly reason: string }
  | { readonly kind: 'lessonRefused'; readonly reason: string }
  /** A lesson address that gave no lesson file (not http(s), 404, CORS, too slow). */
  | { readonly kind: 'lessonUnreachable'; readonly reason: string }
  | { readonly kind: 'lessonLoaded'; readonly title: string };

const slot = (notice: StoreNotice) =>
  notice.kind.startsWith('import')
    ? 'import'
    : notice.kind.startsWith('lesson')
      ? 'lesson'
      : notice.kind;

interface NoticeState {
  readonly notices: readonly StoreNotice[];
  tell: (notice: StoreNotice) => void;
  dismiss: (notice: StoreNotice) => void;
}

export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  tell: (notice) =>
    set((s) => ({ notices: [...s.notices.filter((n) => slot(n) !== slot(notice)), notice] })),
  dismiss: (notice) => set((s) => ({ notices: s.notices.filter((n) => n !== notice) })),
}));

export const tell = (notice: StoreNotice) => useNoticeStore.getState().tell(notice);
