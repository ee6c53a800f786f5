/**
 * Keeps a render error inside the panel (or canvas) where it happened.
 * Contract: on error, shows a friendly message and a "Reset this panel" button in place of the
 * children; the rest of the app keeps working. Resetting remounts the children from scratch.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The panel's translated name, used in the message. */
  readonly name: string;
  readonly children: ReactNode;
  /** Called after a reset, e.g. to clear state that made the panel throw. */
  readonly onReset?: () => void;
  /** Where else the error is reported, after the console. */
  readonly onError?: (error: Error, info: ErrorInfo) => void;
}

interface State {
  readonly error: Error | null;
  /** Bumped on reset so the children remount instead of reusing broken state. */
  readonly generation: number;
}

function PanelErrorMessage({ name, onReset }: { name: string; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="flex flex-col items-start gap-3 p-4 text-sm">
      <p>{t('errors.panelCrashed', { panel: name })}</p>
      <button type="button" className="btn" onClick={onReset}>
        {t('errors.reset')}
      </button>
    </div>
  );
}

export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Preact, unlike React, does not log an error a boundary caught: without this line the
    // panel would show its message and the stack would be lost to whoever opens the console.
    console.error(`docker-anatomy: the ${this.props.name} panel failed`, error);
    this.props.onError?.(error, info);
  }

  private readonly reset = () => {
    this.setState((state) => ({ error: null, generation: state.generation + 1 }));
    this.props.onReset?.();
  };

  override render() {
    if (this.state.error) return <PanelErrorMessage name={this.props.name} onReset={this.reset} />;
    return <PanelContent key={this.state.generation}>{this.props.children}</PanelContent>;
  }
}

function PanelContent({ children }: { children: ReactNode }) {
  return children;
}
