import type { Failure } from '../http/failure.ts';

interface FailureNoticeProps {
  failure: Failure;
  /** Offered when trying again may help (offline, overloaded, a server error). */
  onRetry?: () => void;
  testId?: string;
}

/** Says what went wrong and what to do, with a retry button where a retry can work. */
export function FailureNotice({ failure, onRetry, testId }: FailureNoticeProps) {
  return (
    <div className="notice notice--error failure-notice" role="alert" data-testid={testId}>
      <p>{failure.message}</p>
      {failure.retry && onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A change the rules refused, in the rules' words: nothing to retry, the person changes what they asked for. */
export function RefusalNotice({ message }: { message: string }) {
  return <FailureNotice failure={{ message, retry: false, offline: false, code: null, status: null }} />;
}
