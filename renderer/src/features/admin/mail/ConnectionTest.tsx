import type { TestMailConnectionResponse } from '#shared/api/mail';
import type { Failure } from '../../../http/failure.ts';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';

export type ConnectionTestState =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'answered'; result: TestMailConnectionResponse }
  /** The test itself could not run (offline, refused): not a verdict on the mail server. */
  | { kind: 'unavailable'; failure: Failure };

interface ConnectionTestProps {
  testId: string;
  state: ConnectionTestState;
  onTest: () => void;
}

/** "Test connection" and what the server found, said in a live region. */
export function ConnectionTest({ testId, state, onTest }: ConnectionTestProps) {
  const answered = state.kind === 'answered' ? state.result : null;
  return (
    <div className="mail-test">
      <button type="button" className="button" onClick={onTest} disabled={state.kind === 'testing'}>
        Test connection
      </button>
      {/* Always in the page, so a screen reader hears what appears in it. */}
      <p role="status" className="mail-test__result mail-test__result--ok" data-testid={testId}>
        {state.kind === 'testing' ? 'Testing…' : answered?.ok ? `Connection works: ${answered.detail}` : ''}
      </p>
      {answered && !answered.ok && (
        <p role="alert" className="mail-test__result mail-test__result--failed" data-testid={`${testId}-failed`}>
          Connection failed: {answered.detail}
        </p>
      )}
      {state.kind === 'unavailable' && <FailureNotice failure={state.failure} onRetry={onTest} />}
    </div>
  );
}
