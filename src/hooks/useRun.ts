import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { AnyRunLink } from '../share/run-link';
import type { ExportKind, ScenarioFileLike } from '../session/run-session';
import type { RunCoreSlice } from '../store/run-core-slice';

/** What the controls both modes share (time travel, links, notices) ask of the shown mode's session. */
export interface SharedRunApi {
  togglePlay(): void;
  step(): void;
  reset(): void;
  setSpeed(roundsPerSecond: number): void;
  seekTo(round: number): void;
  stepBack(): void;
  continueFromHere(): void;
  /** Esc: leave a drawing mode or clear the selection. */
  escape(): void;
  currentRun(): AnyRunLink | null;
  say(tone: 'info' | 'error', text: string): void;
  exportText(kind: ExportKind): string | null;
  exportBase(): string;
  graphPng(): Promise<Blob> | null;
  importScenarioFile(file: ScenarioFileLike): Promise<boolean>;
  dismissImportFailure(): void;
  dismissNotice(id: number): void;
  cancelCatchUp(): void;
  /** After a worker failure: a fresh worker, the run rebuilt from round 0. */
  restart(): void;
}

export interface RunContextValue {
  session: SharedRunApi;
  store: StoreApi<RunCoreSlice>;
}

/** The shown mode's run: its session and its store (both modes' stores include RunCoreSlice). */
export const RunContext = createContext<RunContextValue | null>(null);

function useRunContext(): RunContextValue {
  const ctx = useContext(RunContext);
  if (!ctx) throw new Error('a shared run control needs a RunContext provider');
  return ctx;
}

/** The shown mode's session, for the controls both modes share. */
export function useRunSession(): SharedRunApi {
  return useRunContext().session;
}

/** Reads the shown mode's run state with a module-level selector. */
export function useRun<T>(selector: (s: RunCoreSlice) => T): T {
  return useStore(useRunContext().store, selector);
}
