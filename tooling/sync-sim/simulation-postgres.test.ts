import { describe } from 'vitest';
import { backendExcluded, simulationCases } from './simulation-cases.ts';

const reason = 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)';
if (!process.env.TEST_DATABASE_URL) console.warn(`Postgres sync simulation skipped: ${reason}`);

describe.skipIf(!process.env.TEST_DATABASE_URL || backendExcluded('postgres'))(
  `sync simulation [postgres: two server instances, devices split between them]${process.env.TEST_DATABASE_URL ? '' : ` — skipped: ${reason}`}`,
  () => {
    simulationCases('postgres');
  },
);
