import { i18next } from '../i18n';

type Params = Record<string, string | number>;

/** i18next.t for keys built from a preset's id (the typed keys cannot follow a runtime string). */
export const tPreset = (key: string, params?: Params): string => (i18next.t as unknown as (k: string, o?: Params) => string)(`presets:${key}`, params);

export interface PresetText {
  /** The button's name. */
  readonly title: string;
  readonly caption: readonly [string, string];
}

/**
 * Gives a preset its name and two-line caption from the presets namespace (`<id>.title`,
 * `<id>.caption1`, `<id>.caption2`), read in the page's language on every access: getters, so a
 * component that re-renders on a language switch shows the new language at once. (Copying the
 * preset with a spread would freeze them: pass the object itself, or `presetText`'s getters.)
 */
export function withText<T extends { id: string }>(preset: T, params: Params = {}): T & PresetText {
  return Object.defineProperties(preset, Object.getOwnPropertyDescriptors(presetText(preset.id, params))) as T & PresetText;
}

function presetText(id: string, params: Params = {}): PresetText {
  return {
    get title() {
      return tPreset(`${id}.title`);
    },
    get caption() {
      return [tPreset(`${id}.caption1`, params), tPreset(`${id}.caption2`, params)] as const;
    },
  };
}

/** `fields` with the name and caption of `preset` (read through, so they follow the language): what the store keeps of a loaded preset. */
export function textOf<T extends object>(fields: T, preset: PresetText): T & PresetText {
  return Object.defineProperties(fields, {
    title: { get: () => preset.title, enumerable: true },
    caption: { get: () => preset.caption, enumerable: true },
  }) as T & PresetText;
}
