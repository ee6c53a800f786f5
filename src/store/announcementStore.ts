/**
 * The latest message for screen readers, shown by components/LiveRegion.tsx.
 * Contract: each `announce()` gets a new id, so repeating the same words is announced again.
 */
import { create } from 'zustand';

export interface Announcement {
  readonly id: number;
  readonly message: string;
}

interface AnnouncementState {
  current: Announcement | null;
  announce: (message: string) => void;
}

export const useAnnouncementStore = create<AnnouncementState>()((set) => ({
  current: null,
  announce: (message) =>
    set((state) => ({ current: { id: (state.current?.id ?? 0) + 1, message } })),
}));
