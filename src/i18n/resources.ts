import enCommon from './locales/en/common.json';
import enLessons from './locales/en/lessons.json';
import zhCommon from './locales/zh/common.json';
import zhLessons from './locales/zh/lessons.json';
import enControls from './locales/en/controls.json';
import zhControls from './locales/zh/controls.json';
import enDetails from './locales/en/details.json';
import zhDetails from './locales/zh/details.json';
import enPresenter from './locales/en/presenter.json';
import zhPresenter from './locales/zh/presenter.json';
import enShare from './locales/en/share.json';
import zhShare from './locales/zh/share.json';
import enNotices from './locales/en/notices.json';
import zhNotices from './locales/zh/notices.json';
import enPresets from './locales/en/presets.json';
import zhPresets from './locales/zh/presets.json';
import enMembership from './locales/en/membership.json';
import zhMembership from './locales/zh/membership.json';
import enTrace from './locales/en/trace.json';
import zhTrace from './locales/zh/trace.json';
import enCharts from './locales/en/charts.json';
import zhCharts from './locales/zh/charts.json';
import enProtocols from './locales/en/protocols.json';
import zhProtocols from './locales/zh/protocols.json';
import enScale from './locales/en/scale.json';
import zhScale from './locales/zh/scale.json';
import enTimeline from './locales/en/timeline.json';
import zhTimeline from './locales/zh/timeline.json';
import enHardening from './locales/en/hardening.json';
import zhHardening from './locales/zh/hardening.json';
import enSweep from './locales/en/sweep.json';
import zhSweep from './locales/zh/sweep.json';
import type { Language } from './languages';

/**
 * Every namespace of every language. One JSON file per namespace and language, so that work on
 * different parts of the page (lessons, the lab, the header) touches different files. Add a
 * namespace here in both languages; the parity test checks that their keys match.
 */
export const resources = {
  en: { common: enCommon, charts: enCharts, protocols: enProtocols, trace: enTrace, scale: enScale, lessons: enLessons, timeline: enTimeline, hardening: enHardening, membership: enMembership, presets: enPresets, notices: enNotices, share: enShare, presenter: enPresenter, details: enDetails, controls: enControls, sweep: enSweep },
  zh: { common: zhCommon, charts: zhCharts, protocols: zhProtocols, trace: zhTrace, scale: zhScale, lessons: zhLessons, timeline: zhTimeline, hardening: zhHardening, membership: zhMembership, presets: zhPresets, notices: zhNotices, share: zhShare, presenter: zhPresenter, details: zhDetails, controls: zhControls, sweep: zhSweep },
} as const satisfies Record<Language, Record<string, unknown>>;

export const DEFAULT_NAMESPACE = 'common';
export type Namespace = keyof (typeof resources)['en'];
