import { toCanvas } from 'qrcode';
import { useEffect, useRef, useState, type JSX } from 'react';
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
  const session = useRunSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [link] = useState(() => {
    const run = session.currentRun();
    return run ? encodeRunLinkChecked(run) : null;
  });
  const url = link?.ok ? linkUrl(link.hash) : null;
  const [problem, setProblem] = useState<string | null>(link === null ? 'The run is not ready yet: try again in a moment.' : link.ok ? null : link.reason);
  useEffect(() => {
    if (!url || !canvas.current) return;
    toCanvas(canvas.current, url, { errorCorrectionLevel: 'L', margin: 3, width: 440 }, (e) => {
      if (e) setProblem(`This run's link is too long for a QR code (${url.length.toLocaleString('en-US')} characters): share it by Copy link instead.`);
    });
  }, [url]);
  return (
    <Dialog title="Share with the class" onClose={onClose} wide>
      {problem ? (
        <p role="alert" className="text-lg">{problem}</p>
      ) : (
        <div className="flex flex-col items-center gap-3">
          <canvas ref={canvas} role="img" aria-label="QR code of this run's link" className="rounded bg-white" />
          <p className="text-lg">Scan to open this run, at this round, on your own device.</p>
          <p className="max-w-full font-mono text-xs break-all text-slate-600 dark:text-slate-300" aria-label="The run's link">{url}</p>
        </div>
      )}
    </Dialog>
  );
}
