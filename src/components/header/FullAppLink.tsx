/**
 * In an iframe's minimal chrome: the way out to the whole app, in a new tab, at the lesson
 * and step being shown (nothing else of this page's URL is carried over).
 */
import { useTranslation } from 'react-i18next';
import { embedSearch } from '../../store/embed/params';
import { useLessonPlace } from '../../store/lessons/lessonPlace';

export function FullAppLink() {
  const { t } = useTranslation();
  const place = useLessonPlace((s) => s.place);
  const search = place ? embedSearch({ lesson: place.lesson, step: place.step }) : '';
  const href = `${window.location.origin}${window.location.pathname}${search}`;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="text-sm font-semibold text-sky-800 underline dark:text-sky-300"
    >
      {t('header.openFullApp')}
    </a>
  );
}
