import { z } from 'zod';
import { EpochMs, EscalationId, ProblemId, TicketId, UserId } from './ids.ts';

/**
 * An escalation packet: what an agent hands an analyst about one problem, so
 * the analyst can start without a round trip. Built as a draft, sent the
 * moment it is ready (see shared/escalation/readiness.ts), then worked by an
 * analyst through the statuses below. The agent hears of every step.
 */
export const ESCALATION_SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export const EscalationSeverity = z.enum(ESCALATION_SEVERITIES);
export type EscalationSeverity = z.infer<typeof EscalationSeverity>;

export const SEVERITY_LABELS: Readonly<Record<EscalationSeverity, string>> = {
  sev1: 'SEV1 · Critical',
  sev2: 'SEV2 · Major',
  sev3: 'SEV3 · Minor',
  sev4: 'SEV4 · Low',
};

/**
 * `draft`: the agent is writing it. `sent`: waiting for an analyst.
 * `acknowledged`: an analyst has it. `needs_info`: the analyst asked the agent
 * something; it waits on the agent. `in_progress`: being worked.
 * `forwarded`: with engineering (see `externalRef`). `fixed` / `wont_fix`:
 * done, with a customer-facing note. `withdrawn`: a draft the agent dropped.
 */
export const ESCALATION_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'needs_info',
  'in_progress',
  'forwarded',
  'fixed',
  'wont_fix',
  'withdrawn',
] as const;
export const EscalationStatus = z.enum(ESCALATION_STATUSES);
export type EscalationStatus = z.infer<typeof EscalationStatus>;

export const ESCALATION_STATUS_LABELS: Readonly<Record<EscalationStatus, string>> = {
  draft: 'Draft',
  sent: 'Sent',
  acknowledged: 'Acknowledged',
  needs_info: 'Waiting on the agent',
  in_progress: 'In progress',
  forwarded: 'With engineering',
  fixed: 'Fixed',
  wont_fix: 'Won’t fix',
  withdrawn: 'Withdrawn',
};

/** With an analyst: sent and not yet finished. What "open packets per analyst" counts. */
export const OPEN_ESCALATION_STATUSES: ReadonlySet<EscalationStatus> = new Set([
  'sent',
  'acknowledged',
  'needs_info',
  'in_progress',
  'forwarded',
]);
export const FINISHED_ESCALATION_STATUSES: ReadonlySet<EscalationStatus> = new Set(['fixed', 'wont_fix']);

/** Evidence is kept as text: a link (http or https only) or a pasted log excerpt, never rendered as HTML. */
export const EvidenceUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http or https link' })
  .max(2000, 'must be at most 2,000 characters');
export const EscalationEvidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), url: EvidenceUrl, label: z.string().trim().max(200).optional() }),
  z.object({
    kind: z.literal('log'),
    text: z.string().min(1).max(20_000, 'a pasted log must be at most 20,000 characters'),
  }),
]);
export type EscalationEvidence = z.infer<typeof EscalationEvidence>;
export const EVIDENCE_MAX = 20;

/** The fields an agent writes. Empty strings are allowed in a draft; readiness says what is still missing. */
export const PacketFields = z.object({
  summary: z.string().max(200, 'must be at most 200 characters'),
  severity: EscalationSeverity.nullable(),
  stepsToReproduce: z.string().max(5_000, 'must be at most 5,000 characters'),
  expected: z.string().max(2_000, 'must be at most 2,000 characters'),
  actual: z.string().max(2_000, 'must be at most 2,000 characters'),
  environment: z.string().max(1_000, 'must be at most 1,000 characters'),
  tried: z.string().max(5_000, 'must be at most 5,000 characters'),
  evidence: z.array(EscalationEvidence).max(EVIDENCE_MAX, `must be at most ${EVIDENCE_MAX} items`),
});
export type PacketFields = z.infer<typeof PacketFields>;
export const PACKET_TEXT_FIELDS = [
  'summary',
  'stepsToReproduce',
  'expected',
  'actual',
  'environment',
  'tried',
] as const;

export const EscalationQuestion = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  askedBy: UserId,
  askedAt: EpochMs,
  text: z.string().min(1).max(2_000),
  answer: z.string().min(1).max(5_000).optional(),
  answeredBy: UserId.optional(),
  answeredAt: EpochMs.optional(),
});
export type EscalationQuestion = z.infer<typeof EscalationQuestion>;
export const QUESTIONS_MAX = 50;

/** What happened to a packet, in order: the agent's and the analyst's notifications are read from it. */
export const ESCALATION_STEPS = [
  'created',
  'sent',
  'acknowledged',
  'asked',
  'answered',
  'started',
  'forwarded',
  'fixed',
  'wont_fix',
  'reopened',
  'regression',
  'followed_up',
  'withdrawn',
] as const;
export const EscalationStep = z.enum(ESCALATION_STEPS);
export type EscalationStep = z.infer<typeof EscalationStep>;
export const EscalationLogEntry = z.object({
  at: EpochMs,
  /** Null for what nobody on the team did: a customer reopening a ticket. */
  by: UserId.nullable(),
  step: EscalationStep,
  /** A short line for the notification: the question, the note, the regression's ticket. */
  detail: z.string().max(500).optional(),
});
export type EscalationLogEntry = z.infer<typeof EscalationLogEntry>;
/** The log keeps its newest entries; a packet that has had 200 steps has told its story. */
export const ESCALATION_LOG_MAX = 200;

/** A ticket that came back after the fix: it reopened, or a new one looks like the fixed ones. */
export const EscalationRegression = z.object({
  ticketId: TicketId,
  kind: z.enum(['reopened', 'similar']),
  at: EpochMs,
  /** For `similar`: the fixed ticket it resembles and how much (0–1). */
  matchedTicketId: TicketId.optional(),
  score: z.number().min(0).max(1).optional(),
});
export type EscalationRegression = z.infer<typeof EscalationRegression>;
export const REGRESSIONS_MAX = 200;

export const ESCALATION_TICKETS_MAX = 200;

export const Escalation = z.object({
  id: EscalationId,
  ...PacketFields.shape,
  status: EscalationStatus,
  createdAt: EpochMs,
  createdBy: UserId,
  updatedAt: EpochMs,
  ticketIds: z.array(TicketId).max(ESCALATION_TICKETS_MAX),
  problemId: ProblemId.optional(),
  /**
   * Impact, counted by the mutators (the server's figures win): linked
   * tickets, the tickets merged into them, and the linked problem's tickets,
   * and the distinct customers behind all of them.
   */
  impact: z.object({ tickets: z.number().int().nonnegative(), customers: z.number().int().nonnegative() }),
  /** The analyst it was sent to, or who took it; null: any analyst. */
  analystId: UserId.nullable(),
  /** When the readiness check first passed (pacing measures from here); unset while it does not. */
  readyAt: EpochMs.optional(),
  sentAt: EpochMs.optional(),
  acknowledgedAt: EpochMs.optional(),
  /** Where a `needs_info` packet goes back to once the agent answers. */
  resumeStatus: EscalationStatus.optional(),
  questions: z.array(EscalationQuestion).max(QUESTIONS_MAX),
  externalRef: z.object({ url: EvidenceUrl, at: EpochMs }).optional(),
  resolution: z
    .object({
      outcome: z.enum(['fixed', 'wont_fix']),
      /** Customer-facing: the follow-up reply quotes it. */
      note: z.string().min(1).max(2_000),
      at: EpochMs,
      by: UserId,
    })
    .optional(),
  reopenedCount: z.number().int().nonnegative().optional(),
  /** When it was last reopened: the console's wait counts from here; `sentAt` stays the agent's handoff. */
  reopenedAt: EpochMs.optional(),
  regressions: z.array(EscalationRegression).max(REGRESSIONS_MAX),
  followUp: z.object({ at: EpochMs, by: UserId, tickets: z.number().int().nonnegative() }).optional(),
  log: z.array(EscalationLogEntry).max(ESCALATION_LOG_MAX),
});
export type Escalation = z.infer<typeof Escalation>;

/** An empty packet: every text field blank, no severity, no evidence. */
export function blankPacket(): PacketFields {
  return {
    summary: '',
    severity: null,
    stepsToReproduce: '',
    expected: '',
    actual: '',
    environment: '',
    tried: '',
    evidence: [],
  };
}
