import type { Handover } from '#shared/domain/handover';
import { HandoverDocument } from './HandoverDocument.tsx';

/** The handover open beside a list, or what to do to open one. */
export function OpenHandover({ handover, now, hint }: { handover: Handover | undefined; now: number; hint: string }) {
  if (!handover) {
    return (
      <div className="handover__detail handover__detail--empty no-print">
        <p>{hint}</p>
      </div>
    );
  }
  return (
    <div className="handover__detail">
      <HandoverDocument key={handover.id} handover={handover} now={now} />
    </div>
  );
}
