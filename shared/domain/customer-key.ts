import { isFreeMailDomain } from './free-mail.ts';

/**
 * Which customer a requester belongs to: their company, found by the domain
 * of their address, or — at a free-mail provider — a customer of their own,
 * keyed by the whole address. The key is what Customer.domain stores.
 */
export type CustomerKey =
  { kind: 'company'; key: string; domain: string } | { kind: 'person'; key: string; email: string };

/** `Jane.Doe@Acme.com` → company `acme.com`; `jane@gmail.com` → person `jane@gmail.com`. */
export function customerKeyOf(email: string): CustomerKey {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1) : address;
  if (at < 0 || isFreeMailDomain(domain)) return { kind: 'person', key: address, email: address };
  return { kind: 'company', key: domain, domain };
}

/** A readable name for a customer we had to create: "Acme" for acme.com, the person's name or address otherwise. */
export function newCustomerName(key: CustomerKey, requesterName: string | undefined, organization?: string): string {
  const given = organization?.trim() || (key.kind === 'person' ? requesterName?.trim() : undefined);
  if (given) return given.slice(0, 200);
  if (key.kind === 'person') return key.email.slice(0, 200);
  const first = key.domain.split('.')[0] ?? key.domain;
  return (first.charAt(0).toUpperCase() + first.slice(1)).slice(0, 200) || key.domain.slice(0, 200);
}
