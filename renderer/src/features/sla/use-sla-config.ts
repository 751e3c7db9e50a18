import { useLiveQuery } from 'dexie-react-hooks';
import type { SlaConfig } from '#shared/domain/sla-config';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { readSlaConfig } from '../../db/read-sla-config.ts';

export { readSlaConfig } from '../../db/read-sla-config.ts';

/** Live; undefined while it loads. */
export function useSlaConfig(): SlaConfig | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => readSlaConfig(db), [db]);
}
