import { type Escalation, EvidenceUrl } from '#shared/domain/escalation';

const FIELDS: readonly { key: 'stepsToReproduce' | 'expected' | 'actual' | 'environment' | 'tried'; label: string }[] =
  [
    { key: 'stepsToReproduce', label: 'Steps to reproduce' },
    { key: 'expected', label: 'Expected' },
    { key: 'actual', label: 'Actual' },
    { key: 'environment', label: 'Environment' },
    { key: 'tried', label: 'Already tried' },
  ];

/**
 * The packet as the agent wrote it, as plain text: React escapes it, and
 * links are links only when they are http or https (a `javascript:` or `file:`
 * link stays text).
 */
export function PacketText({ packet }: { packet: Escalation }) {
  return (
    <section aria-labelledby="packet-fields-heading" className="escalation-detail__section">
      <h3 id="packet-fields-heading">The packet</h3>
      <dl className="escalation-detail__fields">
        {FIELDS.map((field) => (
          <div key={field.key}>
            <dt>{field.label}</dt>
            <dd className="escalation-detail__text">{packet[field.key].trim() || '—'}</dd>
          </div>
        ))}
      </dl>
      <h4>Evidence</h4>
      {packet.evidence.length === 0 ? (
        <p className="escalations__empty">No evidence attached.</p>
      ) : (
        <ul className="escalation-detail__evidence">
          {packet.evidence.map((item, index) =>
            item.kind === 'log' ? (
              <li key={index}>
                <pre className="code-block">{item.text}</pre>
              </li>
            ) : (
              <li key={index}>
                <EvidenceLink url={item.url} label={item.label} />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/**
 * A checked link: opened outside the app, never with this window as its
 * opener, to the address as the browser reads it. A label never hides where
 * the link goes: the host is shown beside it.
 */
export function EvidenceLink({ url, label }: { url: string; label?: string | undefined }) {
  if (!EvidenceUrl.safeParse(url).success) return <span className="escalation-detail__text">{url}</span>;
  const target = new URL(url);
  const named = label?.trim();
  return (
    <a href={target.href} target="_blank" rel="noreferrer noopener">
      {named ? `${named} (${target.host})` : target.href}
    </a>
  );
}
