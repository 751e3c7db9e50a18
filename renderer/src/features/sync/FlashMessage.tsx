import { useEffect } from 'react';
import { useUiStore } from '../../state/ui-store.ts';

const VISIBLE_MS = 6_000;

/** A short-lived message about the agent's last action. */
export function FlashMessage() {
  const flash = useUiStore((s) => s.flash);
  const clearFlash = useUiStore((s) => s.clearFlash);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(clearFlash, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [flash, clearFlash]);
  if (!flash) return null;
  return (
    <div className="notice notice--info" role="status" data-testid="flash">
      {flash.text}
    </div>
  );
}
