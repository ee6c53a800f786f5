import { describe, expect, it } from 'vitest';
import { COURSE_IDS, fetchCourse, fetchLesson, isCourseLesson } from './course';
import { LESSONS } from './index';

describe('the course as the app fetches it', () => {
  it('lists every lesson, in the course’s order', () => {
    expect(COURSE_IDS).toEqual(LESSONS.map((lesson) => lesson.id));
  });

  it('fetches each lesson on its own, equal to the course’s', async () => {
    for (const lesson of LESSONS) expect(await fetchLesson(lesson.id)).toEqual(lesson);
    expect(await fetchCourse()).toBe(LESSONS);
  });

  it('knows no lesson by another id, nor by an Object property', () => {
    for (const id of ['', 'nope', 'toString', '__proto__', 'constructor']) {
      expect(isCourseLesson(id)).toBe(false);
      expect(fetchLesson(id)).toBeNull();
    }
  });
});
