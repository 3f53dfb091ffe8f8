import type { JSX } from 'react';
import type { RenderMode } from '../../render/graph-renderer';
import { membershipFrameSource, membershipSession } from '../../session/page-instances';
import type { Theme } from '../../view/membership-style';
import { GraphCanvas } from '../GraphCanvas';
import { selectThemeChoice } from '../../store/selectors';
import { useGossip } from '../../store/store';
import { useTranslation } from 'react-i18next';

export interface MembershipGraphProps {
  theme: Theme;
  mode: RenderMode;
  /** A line or loop was drawn (or Esc pressed): back to selecting. */
  onModeDone(): void;
}

/**
 * The membership cluster, drawn by the shared renderer from adapted frames
 * (view/membership-view.ts): zoom, pan, labels, lasso and split line come with it, and the
 * session's cluster actions are the same as in Dissemination (partition, isolate).
 */
export function MembershipGraph({ theme, mode, onModeDone }: MembershipGraphProps): JSX.Element {
  const { t } = useTranslation('membership');
  const session = membershipSession();
  // The page's choice, high contrast included (the `theme` prop is light/dark for membership's palettes).
  const choice = useGossip(selectThemeChoice);
  const graphTheme = choice === 'contrast' ? choice : theme;
  return (
    <GraphCanvas
      label={t('ui.graph')}
      source={membershipFrameSource}
      theme={graphTheme}
      mode={mode}
      onSelect={(node) => session.select(node)}
      onToggleCrash={(node) => session.toggleCrash(node)}
      onSplit={(sides) => {
        onModeDone();
        session.partition(sides);
      }}
      onLasso={(nodes) => {
        onModeDone();
        session.isolate(nodes);
      }}
      onCancelSplit={onModeDone}
      onReady={(api) => session.setGraphApi(api)}
    />
  );
}
