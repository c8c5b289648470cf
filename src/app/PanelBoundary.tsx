// Around every lazily loaded panel: a panel that throws while rendering (or whose code cannot be
// fetched) shows one message in its own place, and the map, the header and the other panels keep
// working. Without it, React unmounts the whole app on the first error.
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

function PanelFailed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useT();
  return (
    <div role="alert" className="panel-failed">
      <p>{t.panelFailed}</p>
      {/* the error's own words, as text, for whoever reports it */}
      <p className="panel-failed-detail">{error.message}</p>
      <button type="button" onClick={retry}>
        {t.panelFailedRetry}
      </button>
    </div>
  );
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('panel failed', error);
  }

  override render(): ReactNode {
    if (this.state.error) return <PanelFailed error={this.state.error} retry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
