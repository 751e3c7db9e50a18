import { useRef, useState } from 'react';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { useFocusOnMount } from '../../ui/use-focus-on-mount.ts';
import { type AdminTabId, adminTabsFor } from './admin-tabs.ts';
import { ApiKeysTab } from './api-keys/ApiKeysTab.tsx';
import { AuditTab } from './audit/AuditTab.tsx';
import { MailTab } from './mail/MailTab.tsx';
import { TeamSettingsTab } from './settings/TeamSettingsTab.tsx';
import { SlaPoliciesTab } from './sla/SlaPoliciesTab.tsx';
import { UsersTab } from './users/UsersTab.tsx';

/**
 * Users, API keys, team settings, email, SLA policies and the audit log. All but the
 * SLA policies are read from the server when they open (never synced to
 * devices), so they need a connection; each says so, with a retry, when there
 * is none. SLA policies are synced and edited locally, so they work offline.
 */
export function AdminScreen() {
  const { user } = useWorkspace();
  const tabs = adminTabsFor(user.role);
  const [selected, setSelected] = useState<AdminTabId>(tabs[0]?.id ?? 'users');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  return (
    <main className="admin" aria-labelledby="admin-heading" data-testid="admin-screen">
      <h1 id="admin-heading" ref={heading} tabIndex={-1}>
        Administration
      </h1>
      <Tabs label="Administration sections" tabs={tabs} selected={selected} onSelect={setSelected}>
        {selected === 'users' && <UsersTab />}
        {selected === 'apiKeys' && <ApiKeysTab />}
        {selected === 'settings' && <TeamSettingsTab />}
        {selected === 'mail' && <MailTab />}
        {selected === 'sla' && <SlaPoliciesTab />}
        {selected === 'audit' && <AuditTab />}
      </Tabs>
    </main>
  );
}
