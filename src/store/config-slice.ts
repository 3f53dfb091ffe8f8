import type { SimConfig } from '../engine/types';
import { DEFAULT_FORM, type FormValues } from '../run/form';
import { PAGE_DEFAULT_CONFIG } from '../run/page-fit';
import type { SetState } from './run-core-slice';

/** The form, and the configuration the current run was built from. */
export interface ConfigSlice {
  form: FormValues;
  /** What the form resolved to when the current run was built (dirty = the form now differs). */
  appliedForm: SimConfig;
  /** The exact configuration of the current run (a preset may differ from the form, e.g. origin). */
  runConfig: SimConfig;
  setFormValue<K extends keyof FormValues>(field: K, value: FormValues[K]): void;
  markApplied(formConfig: SimConfig, runConfig: SimConfig): void;
}

export const createConfigSlice = (set: SetState<ConfigSlice>): ConfigSlice => ({
  form: DEFAULT_FORM,
  appliedForm: PAGE_DEFAULT_CONFIG,
  runConfig: PAGE_DEFAULT_CONFIG,
  setFormValue: (field, value) => set((s) => ({ form: { ...s.form, [field]: value } })),
  markApplied: (formConfig, runConfig) => set({ appliedForm: formConfig, runConfig }),
});
