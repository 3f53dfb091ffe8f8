import type { StoreApi } from 'zustand/vanilla';
import type { RunCoreSlice } from '../store/run-core-slice';
import type { LiveFrameSource } from '../view/live-frame-source';
import type { EngineClientHandlers } from '../worker/client';
import type { InitRequest, ToWorker } from '../worker/protocol';

/** What a run's session is built from and hands out: its dependencies, the worker client's and renderer's handles, files. */

/** What importing needs of a File (so tests hand in a plain object). */
export interface ScenarioFileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** The renderer's handle as the session uses it: halves and sectors of the drawing, and its PNG. */
export interface GraphApiLike {
  splitHalves(): [number[], number[]];
  splitInto(k: number): number[][];
  /** The graph as drawn, as a PNG (the export). */
  toPngBlob?(): Promise<Blob>;
}

/** The files a run exports (text), by kind. */
export type ExportKind = 'scenario' | 'csv' | 'json';

export interface ClientLike {
  send(msg: ToWorker): void;
  terminate(): void;
}

export interface RunSessionDeps<S extends RunCoreSlice> {
  store: StoreApi<S>;
  frames: LiveFrameSource;
  createClient(handlers: EngineClientHandlers): ClientLike;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

/** An init request before the session numbers its graph. */
export type RunSpec = InitRequest extends infer R ? (R extends InitRequest ? Omit<R, 'graphId' | 'schedule'> : never) : never;
