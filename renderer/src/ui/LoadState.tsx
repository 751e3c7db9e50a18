import type { Failure } from '../http/failure.ts';
import { FailureNotice } from './FailureNotice.tsx';

interface LoadStateProps {
  /** "users", "API keys": what is being read, in the progress line. */
  what: string;
  loading: boolean;
  failure: Failure | null;
  hasData: boolean;
  onRetry: () => void;
}

/** The progress or failure line above a list read from the server; nothing once it is in. */
export function LoadState({ what, loading, failure, hasData, onRetry }: LoadStateProps) {
  if (failure) return <FailureNotice failure={failure} onRetry={onRetry} testId="load-failure" />;
  if (!loading) return null;
  return (
    <p role="status" className="load-state">
      {hasData ? `Refreshing ${what}…` : `Loading ${what}…`}
    </p>
  );
}
