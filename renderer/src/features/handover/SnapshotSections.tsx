import type { Handover } from '#shared/domain/handover';
import { formatTimestamp } from '../../ui/format.ts';

/** The queue as it stood at submission: each section's figure and its lines, as text. */
export function SnapshotSections({ snapshot }: { snapshot: NonNullable<Handover['snapshot']> }) {
  return (
    <section className="handover-snapshot" aria-labelledby="handover-snapshot-heading" data-testid="handover-snapshot">
      <h3 id="handover-snapshot-heading">Snapshot at {formatTimestamp(snapshot.at)}</h3>
      {snapshot.sections.map((section) => (
        <div key={section.id} className="handover-snapshot__section" data-section-id={section.id}>
          <h4>
            {section.title}: {section.count.toLocaleString()}
          </h4>
          {section.lines.length > 0 && (
            <ul>
              {section.lines.map((line, index) => (
                <li key={`${line.ref?.id ?? ''}:${index}`}>{line.text}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
