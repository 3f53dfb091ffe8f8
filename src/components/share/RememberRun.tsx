import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hooks/useSession';
import { clearRunFromAddressBar } from '../../share/address-bar';
import { runMemory as memory } from '../../session/persistence';
import { selectRemember } from '../../store/selectors';
import { gossipStore, useGossip } from '../../store/store';
import { btn } from '../ui-classes';

const small = `${btn.base} ${btn.secondary} px-2 py-1 text-sm`;

/** Whether the browser remembers the dissemination run across reloads, and the way back to the defaults. */
export function RememberRun(): JSX.Element {
  const { t } = useTranslation('share');
  const session = useSession();
  const remember = useGossip(selectRemember);
  return (
    <>
      <label className="mt-3 flex items-center gap-2 text-sm font-semibold">
        <input
          type="checkbox"
          checked={remember}
          onChange={(e) => {
            memory.setRemember(e.target.checked);
            gossipStore.setState({ remember: e.target.checked });
          }}
          className="h-4 w-4 accent-sky-700"
        />
        {t('remember')}
      </label>
      <button
        type="button"
        className={`${small} mt-2 w-full`}
        onClick={() => {
          memory.clear();
          clearRunFromAddressBar();
          session.resetToDefaults();
        }}
        title={t('resetDefaultsTitle')}
      >
        {t('resetDefaults')}
      </button>
    </>
  );
}
