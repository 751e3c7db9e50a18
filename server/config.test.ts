import { describe, expect, it } from 'vitest';
import { ConfigError, loadServerConfig } from './config.ts';

describe('server configuration', () => {
  it('has working defaults: embedded database, port 4870 on loopback, demo seed', () => {
    const config = loadServerConfig({});
    expect(config).toMatchObject({
      port: 4870,
      host: '127.0.0.1',
      databaseUrl: undefined,
      seed: 'demo',
      seedTickets: 200,
      pullPageRows: 5_000,
      sessionTtlMs: 7 * 24 * 3_600_000,
      sessionIdleMs: 12 * 3_600_000,
    });
    expect(config.dataDir).toMatch(/\.shiftdesk/);
    expect(config.allowedOrigins).toEqual(['app://shiftdesk']);
  });

  it('reads every variable, and treats empty ones as unset', () => {
    const config = loadServerConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db:5432/shiftdesk',
      SHIFTDESK_DATA_DIR: '/var/lib/shiftdesk',
      SHIFTDESK_SEED: 'none',
      SHIFTDESK_SEED_TICKETS: '',
      SHIFTDESK_ALLOWED_ORIGINS: 'app://shiftdesk, https://desk.example.com',
      SHIFTDESK_SESSION_TTL_HOURS: '12',
      SHIFTDESK_SESSION_IDLE_HOURS: '0.5',
      SHIFTDESK_SYNC_PAGE_ROWS: '250',
    });
    expect(config).toMatchObject({
      port: 9000,
      pullPageRows: 250,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db:5432/shiftdesk',
      dataDir: '/var/lib/shiftdesk',
      seed: 'none',
      seedTickets: 200,
      allowedOrigins: ['app://shiftdesk', 'https://desk.example.com'],
      sessionTtlMs: 12 * 3_600_000,
      sessionIdleMs: 30 * 60_000,
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SHIFTDESK_SEED', 'everything'],
    ['SHIFTDESK_SESSION_IDLE_HOURS', '0'],
    ['SHIFTDESK_SESSION_IDLE_HOURS', 'a shift'],
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => loadServerConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadServerConfig({ [name]: value })).toThrow(name);
  });
});
