import { i18next } from '../i18n';
import type { VersionCodec } from '../engine/versions';

/**
 * A version as the page names it, in the page's language: "v2 by node 5" / "节点 5 写入的 v2".
 */
export function versionLabel(codec: VersionCodec, version: number): string {
  if (version === 0) return i18next.t('common:version.none');
  return i18next.t('common:version.label', { counter: codec.counter(version), writer: codec.writer(version) });
}
