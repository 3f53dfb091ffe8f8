import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18next } from '../i18n';

interface State {
  error: Error | null;
}

/**
 * The last line of defence: a render error shows what happened and a way back instead of a
 * blank page.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Gossip Lab failed to render', error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    // i18next.t, not the hook: a class component, shown when React itself could not render.
    const t = i18next.t;
    return (
      <main role="alert" className="mx-auto mt-24 max-w-xl rounded-lg border border-red-300 bg-white p-8 text-slate-900 shadow">
        <h1 className="text-2xl font-bold">{t('error.title')}</h1>
        <p className="mt-3">{t('error.body', { message: error.message || t('error.unknown') })}</p>
        <p className="mt-1">{t('error.reloadHint')}</p>
        <div className="mt-6 flex gap-3">
          <button type="button" className="rounded-md bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </button>
          <button type="button" className="rounded-md border border-slate-400 px-4 py-2 font-semibold hover:bg-slate-100" onClick={() => this.setState({ error: null })}>
            {t('error.tryAgain')}
          </button>
        </div>
      </main>
    );
  }
}
