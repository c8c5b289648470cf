// The date slider's state (issue 18): the date the map, the totals and the fact sheet are replayed at,
// whether it plays and how fast. null means "today": the report date, as without the slider.

export type ReplaySpeed = 'slow' | 'fast';

export interface ReplayPlay {
  speed: ReplaySpeed;
  /** where playing stops (a slide's range); null: at the data date */
  to: string | null;
}

export interface ReplaySlice {
  /** YYYY-MM-DD shown by the replay, or null (the report date) */
  replayAt: string | null;
  replayPlaying: ReplayPlay | null;
  /** the date the map last finished drawing in replay (the bridge reports it; the export waits for it) */
  replayDrawn: string | null;
  setReplayAt: (d: string | null) => void;
  /** start playing, from `from` when given */
  playReplay: (o: { speed: ReplaySpeed; from?: string; to?: string | null }) => void;
  pauseReplay: () => void;
  setReplayDrawn: (d: string | null) => void;
}

export function replaySlice(set: (p: Partial<ReplaySlice>) => void): ReplaySlice {
  return {
    replayAt: null,
    replayPlaying: null,
    replayDrawn: null,
    // Back to today stops playing too: nothing would move the slider off "today" again.
    setReplayAt: (replayAt) => set(replayAt === null ? { replayAt, replayPlaying: null } : { replayAt }),
    playReplay: ({ speed, from, to }) => set({ replayPlaying: { speed, to: to ?? null }, ...(from ? { replayAt: from } : {}) }),
    pauseReplay: () => set({ replayPlaying: null }),
    setReplayDrawn: (replayDrawn) => set({ replayDrawn }),
  };
}
