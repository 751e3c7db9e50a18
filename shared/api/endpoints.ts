import { z } from 'zod';
import {
  FetchRequest,
  ProblemReport,
  PullRequest,
  PushRequest,
  PushResponse,
  WireFetchResponse,
  WirePullResponse,
  parseFetchResponse,
  parsePullResponse,
} from '../sync/protocol.ts';
import { Message } from '../domain/message.ts';
import { Ticket } from '../domain/ticket.ts';
import { TicketId } from '../domain/ids.ts';
import {
  AccountList,
  AccountParams,
  AccountSummary,
  ChangePasswordRequest,
  CreateAccountRequest,
  CreatedAccount,
  ResetPasswordRequest,
  ResetPasswordResponse,
  TeamResponse,
  UpdateAccountRequest,
} from './accounts.ts';
import { ApiKeyList, ApiKeyParams, ApiKeySummary, CreateApiKeyRequest, CreatedApiKey } from './api-keys.ts';
import { ArchiveSearchRequest, ArchiveSearchResponse } from './archive.ts';
import { AuditPage, AuditQuery } from './audit.ts';
import { LoginRequest, LoginResponse, SessionUser } from './auth.ts';
import { defineEndpoint } from './endpoint.ts';
import { HealthResponse, ReadyResponse } from './health.ts';
import {
  IntakeHeaders,
  IntakeMessageParams,
  IntakeMessageRequest,
  IntakeMessageResponse,
  IntakeTicketRequest,
  IntakeTicketResponse,
} from './intake.ts';
import { TeamSettings, UpdateTeamSettingsRequest } from './team-settings.ts';

const PUBLIC = { kind: 'public' } as const;
const SIGNED_IN = { kind: 'session', action: null } as const;
/** Small JSON bodies (sign-in, admin forms): far below the 2 MB sync default. */
const SMALL_BODY = 16 * 1024;

/**
 * Every HTTP route of the team backend, declared once. Adding a route here
 * without a server handler fails the typecheck (server/http/handlers.ts), and
 * the role × route matrix test and /api/v1/openapi.json pick it up unasked.
 */
export const ENDPOINTS = {
  health: defineEndpoint({
    method: 'GET',
    path: '/api/v1/health',
    summary: 'Liveness: the process answers and reaches its database.',
    access: PUBLIC,
    rateLimit: 'open',
    response: HealthResponse,
  }),
  ready: defineEndpoint({
    method: 'GET',
    path: '/api/v1/ready',
    summary: 'Readiness: the database is reachable and every migration is applied.',
    access: PUBLIC,
    rateLimit: 'open',
    response: ReadyResponse,
  }),
  openapi: defineEndpoint({
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This API, as an OpenAPI 3.1 document generated from the route declarations.',
    access: PUBLIC,
    rateLimit: 'open',
    transport: 'text',
  }),
  metrics: defineEndpoint({
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics; off unless SHIFTDESK_METRICS enables it (token or loopback only).',
    access: PUBLIC,
    rateLimit: 'open',
    transport: 'text',
  }),

  login: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password; returns a session token.',
    access: PUBLIC,
    rateLimit: 'login',
    body: LoginRequest,
    bodyLimit: SMALL_BODY,
    response: LoginResponse,
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'End this session.',
    access: SIGNED_IN,
    rateLimit: 'session',
    bodyLimit: SMALL_BODY,
    status: 204,
  }),
  me: defineEndpoint({
    method: 'GET',
    path: '/api/v1/auth/me',
    summary: 'Who this session belongs to.',
    access: SIGNED_IN,
    rateLimit: 'session',
    response: SessionUser,
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/password',
    summary: 'Change your own password; every other session of yours ends.',
    access: SIGNED_IN,
    rateLimit: 'login',
    body: ChangePasswordRequest,
    bodyLimit: SMALL_BODY,
    status: 204,
  }),

  ticket: defineEndpoint({
    method: 'GET',
    path: '/api/v1/tickets/:id',
    summary: 'One ticket by id.',
    access: SIGNED_IN,
    rateLimit: 'session',
    params: z.object({ id: TicketId }),
    response: Ticket,
  }),
  ticketMessages: defineEndpoint({
    method: 'GET',
    path: '/api/v1/tickets/:id/messages',
    summary:
      "A ticket's conversation after its opening message: customer messages, replies and internal notes, oldest first.",
    access: SIGNED_IN,
    rateLimit: 'session',
    params: z.object({ id: TicketId }),
    response: z.object({ messages: z.array(Message) }),
  }),
  archiveSearch: defineEndpoint({
    method: 'POST',
    path: '/api/v1/archive/search',
    summary: 'Search every ticket, including those older than the sync window.',
    access: SIGNED_IN,
    rateLimit: 'session',
    body: ArchiveSearchRequest,
    bodyLimit: SMALL_BODY,
    response: ArchiveSearchResponse,
  }),

  push: defineEndpoint({
    method: 'POST',
    path: '/api/v1/sync/push',
    summary: 'Send queued changes (mutations); each is checked against the role × action table.',
    access: SIGNED_IN,
    rateLimit: 'sync',
    body: PushRequest,
    response: PushResponse,
  }),
  pull: defineEndpoint({
    method: 'POST',
    path: '/api/v1/sync/pull',
    summary: 'Changes since a cookie, or the sync window page by page.',
    access: SIGNED_IN,
    rateLimit: 'sync',
    body: PullRequest,
    bodyLimit: SMALL_BODY,
    response: WirePullResponse,
    decode: parsePullResponse,
  }),
  fetch: defineEndpoint({
    method: 'POST',
    path: '/api/v1/sync/fetch',
    summary: 'Rows outside the sync window, by root (an old ticket opened by link).',
    access: SIGNED_IN,
    rateLimit: 'sync',
    body: FetchRequest,
    bodyLimit: SMALL_BODY,
    response: WireFetchResponse,
    decode: parseFetchResponse,
  }),
  problems: defineEndpoint({
    method: 'POST',
    path: '/api/v1/sync/problems',
    summary: 'Rows a device had to set aside, for the server log.',
    access: SIGNED_IN,
    rateLimit: 'sync',
    body: ProblemReport,
    bodyLimit: 256 * 1024,
    status: 204,
  }),
  socket: defineEndpoint({
    method: 'GET',
    path: '/api/v1/sync/socket',
    summary: 'WebSocket: pokes, presence and notices. The session token arrives in the first message.',
    access: PUBLIC,
    rateLimit: 'sync',
    transport: 'websocket',
  }),

  team: defineEndpoint({
    method: 'GET',
    path: '/api/v1/team',
    summary: 'The team and who is on shift (connected) now.',
    access: { kind: 'session', action: 'team.view' },
    rateLimit: 'session',
    response: TeamResponse,
  }),
  listUsers: defineEndpoint({
    method: 'GET',
    path: '/api/v1/admin/users',
    summary: 'Every account of the team.',
    access: { kind: 'session', action: 'users.manage' },
    rateLimit: 'admin',
    response: AccountList,
  }),
  createUser: defineEndpoint({
    method: 'POST',
    path: '/api/v1/admin/users',
    summary: 'Add an account; without a password the server generates one and returns it once.',
    access: { kind: 'session', action: 'users.manage' },
    rateLimit: 'admin',
    body: CreateAccountRequest,
    bodyLimit: SMALL_BODY,
    status: 201,
    response: CreatedAccount,
  }),
  updateUser: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/admin/users/:id',
    summary: 'Rename, change role, disable or enable; a role change or disabling ends every session.',
    access: { kind: 'session', action: 'users.manage' },
    rateLimit: 'admin',
    params: AccountParams,
    body: UpdateAccountRequest,
    bodyLimit: SMALL_BODY,
    response: AccountSummary,
  }),
  resetPassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/admin/users/:id/reset-password',
    summary: 'Set a new password (or generate one, returned once); every session of the account ends.',
    access: { kind: 'session', action: 'users.manage' },
    rateLimit: 'admin',
    params: AccountParams,
    body: ResetPasswordRequest,
    bodyLimit: SMALL_BODY,
    response: ResetPasswordResponse,
  }),
  revokeSessions: defineEndpoint({
    method: 'POST',
    path: '/api/v1/admin/users/:id/revoke-sessions',
    summary: 'Sign the account out everywhere.',
    access: { kind: 'session', action: 'users.manage' },
    rateLimit: 'admin',
    params: AccountParams,
    bodyLimit: SMALL_BODY,
    status: 204,
  }),
  listApiKeys: defineEndpoint({
    method: 'GET',
    path: '/api/v1/admin/api-keys',
    summary: 'Every API key, revoked ones included; secrets are never shown again.',
    access: { kind: 'session', action: 'apikeys.manage' },
    rateLimit: 'admin',
    response: ApiKeyList,
  }),
  createApiKey: defineEndpoint({
    method: 'POST',
    path: '/api/v1/admin/api-keys',
    summary: 'Create an API key; the secret is in this answer only.',
    access: { kind: 'session', action: 'apikeys.manage' },
    rateLimit: 'admin',
    body: CreateApiKeyRequest,
    bodyLimit: SMALL_BODY,
    status: 201,
    response: CreatedApiKey,
  }),
  revokeApiKey: defineEndpoint({
    method: 'POST',
    path: '/api/v1/admin/api-keys/:id/revoke',
    summary: 'Revoke an API key; it stops working at once.',
    access: { kind: 'session', action: 'apikeys.manage' },
    rateLimit: 'admin',
    params: ApiKeyParams,
    bodyLimit: SMALL_BODY,
    response: ApiKeySummary,
  }),
  getSettings: defineEndpoint({
    method: 'GET',
    path: '/api/v1/admin/settings',
    summary: 'Team settings: name, time zone, sync window.',
    access: { kind: 'session', action: 'settings.manage' },
    rateLimit: 'admin',
    response: TeamSettings,
  }),
  updateSettings: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/admin/settings',
    summary: 'Change team settings; clients pick them up live.',
    access: { kind: 'session', action: 'settings.manage' },
    rateLimit: 'admin',
    body: UpdateTeamSettingsRequest,
    bodyLimit: SMALL_BODY,
    response: TeamSettings,
  }),
  auditLog: defineEndpoint({
    method: 'GET',
    path: '/api/v1/admin/audit',
    summary: 'The audit log, newest first, with filters; admins or keys with the audit.read scope.',
    access: { kind: 'session', action: 'audit.read', apiKeyScope: 'audit.read' },
    rateLimit: 'admin',
    query: AuditQuery,
    response: AuditPage,
  }),

  intakeTicket: defineEndpoint({
    method: 'POST',
    path: '/api/v1/intake/tickets',
    summary: 'Create a ticket from another system; send an Idempotency-Key so retries never duplicate it.',
    access: { kind: 'apiKey', scope: 'intake' },
    rateLimit: 'intake',
    headers: IntakeHeaders,
    body: IntakeTicketRequest,
    bodyLimit: 256 * 1024,
    status: 201,
    response: IntakeTicketResponse,
  }),
  intakeMessage: defineEndpoint({
    method: 'POST',
    path: '/api/v1/intake/tickets/:number/messages',
    summary: "Add a customer's follow-up to an existing ticket, by its number.",
    access: { kind: 'apiKey', scope: 'intake' },
    rateLimit: 'intake',
    headers: IntakeHeaders,
    params: IntakeMessageParams,
    body: IntakeMessageRequest,
    bodyLimit: 256 * 1024,
    status: 201,
    response: IntakeMessageResponse,
  }),
};

export type Endpoints = typeof ENDPOINTS;
export type EndpointName = keyof Endpoints;
export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as EndpointName[];
