import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { btn } from './ui-classes';

/** How often a page left open (a lecture, a kiosk) asks whether a new version is out. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The service worker (vite-plugin-pwa) keeps the page working with no network. A new version
 * installs in the background and then waits: this prompt says so, and the page switches only
 * when the user presses Reload — never under a running demo.
 */
export function UpdatePrompt(): JSX.Element | null {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
    },
    onRegisterError(error: unknown) {
      // No service worker (a private window, an old browser): the page works online as before.
      console.warn('Gossip Lab: offline support is unavailable', error);
    },
  });
  if (!needRefresh || dismissed) return null;
  return (
    <section
      aria-label={t('update.label')}
      aria-live="polite"
      className="fixed bottom-4 right-4 z-50 w-96 max-w-[calc(100vw-2rem)] rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-base text-sky-950 shadow-lg dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      <p>{t('update.text')}</p>
      <div className="mt-3 flex justify-end gap-2">
        <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => setDismissed(true)}>
          {t('update.later')}
        </button>
        <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => void updateServiceWorker(true)}>
          {t('update.reload')}
        </button>
      </div>
    </section>
  );
}
