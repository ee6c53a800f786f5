/**
 * Tells the learner, once, what happened to what they had saved: progress that could not be
 * read (and was started fresh), an import refused or done, a sandbox session not restored, a
 * link that could not be opened.
 */
import { useTranslation } from 'react-i18next';
import { useNoticeStore, type StoreNotice } from '../../store/noticeStore';

export function StoredNotices() {
  const notices = useNoticeStore((s) => s.notices);
  return notices.map((notice) => <StoredNotice key={notice.kind} notice={notice} />);
}

function StoredNotice({ notice }: { notice: StoreNotice }) {
  const { t } = useTranslation();
  const dismiss = useNoticeStore((s) => s.dismiss);
  const text =
    notice.kind === 'imported'
      ? t('lessons.notice.imported')
      : notice.kind === 'lessonLoaded'
        ? t('lessons.notice.lessonLoaded', { title: notice.title })
        : t(`lessons.notice.${notice.kind}`, { reason: notice.reason });
  const alarm = notice.kind !== 'imported' && notice.kind !== 'lessonLoaded';
  return (
    <div
      role={alarm ? 'alert' : 'status'}
      className={`flex items-start gap-2 rounded border p-2 text-sm ${
        alarm
          ? 'border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100'
          : 'border-emerald-700 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100'
      }`}
    >
      <p className="flex-1">{text}</p>
      <button type="button" className="btn px-2 py-0.5 text-xs" onClick={() => dismiss(notice)}>
        {t('lessons.notice.dismiss')}
      </button>
    </div>
  );
}
