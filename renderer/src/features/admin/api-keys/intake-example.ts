import { ENDPOINTS } from '#shared/api/endpoints';

/** A POSIX shell single-quoted word: safe for any text, including quotes in a server URL. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A curl command that creates a test ticket with a new key, so whoever wires
 * up the integration starts from a request that works. The Idempotency-Key
 * makes retries safe; a real integration sends one id per ticket.
 */
export function intakeCurlExample(serverUrl: string, secret: string): string {
  const url = `${serverUrl.replace(/\/+$/, '')}${ENDPOINTS.intakeTicket.path}`;
  const body = JSON.stringify({
    subject: 'Test ticket from the intake API',
    body: 'Sent with a new API key to check the integration.',
    requester: { email: 'customer@example.com', name: 'Test Customer' },
  });
  return [
    `curl -X POST ${shellQuote(url)}`,
    `  -H ${shellQuote(`Authorization: Bearer ${secret}`)}`,
    `  -H 'Content-Type: application/json'`,
    `  -H "Idempotency-Key: $(uuidgen)"`,
    `  -d ${shellQuote(body)}`,
  ].join(' \\\n');
}
