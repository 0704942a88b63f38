import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../lib/i18n';

const TEXT: Record<Lang, { failed: string; detail: string; retry: string }> = {
  vi: {
    failed: 'Trang này gặp lỗi, chưa hiển thị được.',
    detail: 'Các trang khác vẫn dùng được từ thanh điều hướng phía trên. Chi tiết lỗi:',
    retry: 'Thử lại',
  },
  en: {
    failed: 'This page ran into an error and cannot be shown.',
    detail: 'Other pages still work from the navigation above. Error detail:',
    retry: 'Try again',
  },
};

/** A page's code chunk that failed to download (a new release, a dropped connection): only a reload helps. */
const CHUNK_FAILED = /dynamically imported module|Importing a module script failed|Loading chunk/i;

interface Props {
  children: ReactNode;
  lang: Lang;
  /** The address shown: a change (the user went elsewhere) clears the error. */
  resetKey: string;
  /** Called before trying again, e.g. to drop the failed page's cached answers. */
  onRetry?: () => void;
}

/**
 * Catches an error thrown while rendering one page, so the header and navigation keep working and the
 * user sees what happened in Vietnamese, with a way to try again. One boundary wraps the page in app.tsx.
 */
export class PageErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('page error', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  private retry = () => {
    if (this.state.error && CHUNK_FAILED.test(this.state.error.message)) {
      window.location.reload();
      return;
    }
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = TEXT[this.props.lang];
    return (
      <div className="gate" role="alert" data-testid="page-error">
        <p>
          <strong>{t.failed}</strong>
        </p>
        <p className="header-muted">
          {t.detail} {error.message}
        </p>
        <button type="button" className="button" onClick={this.retry} data-testid="page-retry">
          {t.retry}
        </button>
      </div>
    );
  }
}
