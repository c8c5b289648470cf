// The type every slice creator has: it sees (and may set) the whole state.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../state';

export type Slice<T> = StateCreator<AppState, [], [], T>;
