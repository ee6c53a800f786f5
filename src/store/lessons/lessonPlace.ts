/**
 * Where the learner is in a lesson, for views outside the lessons' own chunk (the embed
 * snippet, the "open the full app" link, the presenter's clicker keys): the lesson player and
 * the course load on demand, and these must not pull them into the first screen.
 *
 * Contract: lessonStore keeps `place` current (null when no lesson runs) and `turn` set while
 * one does; nothing else writes here.
 */
import { create } from 'zustand';

export interface LessonPlace {
  readonly lesson: string;
  /** From 0, as the player counts. */
  readonly step: number;
}

interface LessonPlaceState {
  readonly place: LessonPlace | null;
  /** Turns the running lesson's page, as its Next and Back buttons do. */
  readonly turn: ((direction: 'next' | 'back') => void) | null;
}

export const useLessonPlace = create<LessonPlaceState>()(() => ({ place: null, turn: null }));
