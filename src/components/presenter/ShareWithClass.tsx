import { toCanvas } from 'qrcode';
import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, i18next } from '../../i18n';
import { useRunSession } from '../../hooks/useRun';
import { linkUrl } from '../../share/address-bar';
import { encodeRunLinkChecked } from '../../share/run-link';
import { Dialog } from './Dialog';

/**
 * The exact run — settings, seed, every action, the round shown — as a large QR code and its
 * URL, so students open the same run at the same round on their phones and scrub it themselves.
 * Error correction L keeps the code as coarse as the link allows (bigger modules read from
 * further away); the link is the run's compact share link.
 */
export function ShareWithClass({ onClose }: { onClose(): void }): JSX.Element {
  const { t } = useTranslation('presenter');
  const session = useRunSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [link] = useState(() => {
    const run = session.currentRun();
    return run ? encodeRunLinkChecked(run) : null;
  });
  const url = link?.ok ? linkUrl(link.hash) : null;
  const [problem, setProblem] = useState<string | null>(link === null ? i18next.t('presenter:qr.notReady') : link.ok ? null : link.reason);
  useEffect(() => {
    if (!url || !canvas.current) return;
    toCanvas(canvas.current, url, { errorCorrectionLevel: 'L', margin: 3, width: 440 }, (e) => {
      if (e) setProblem(i18next.t('presenter:qr.tooLong', { length: formatNumber(url.length) }));
    });
  }, [url]);
  return (
    <Dialog title={t('shareLabel')} onClose={onClose} wide>
      {problem ? (
        <p role="alert" className="text-lg">{problem}</p>
      ) : (
        <div className="flex flex-col items-center gap-3">
          <canvas ref={canvas} role="img" aria-label={t('qr.image')} className="rounded bg-white" />
          <p className="text-lg">{t('qr.scan')}</p>
          <p className="max-w-full font-mono text-xs break-all text-slate-600 dark:text-slate-300" aria-label={t('qr.link')}>{url}</p>
        </div>
      )}
    </Dialog>
  );
}
