import { StoredSession } from '#shared/shell/contract';

/** Electron's safeStorage, narrowed to what the vault needs. */
export interface SecretCipher {
  isEncryptionAvailable: () => boolean;
  encryptString: (plain: string) => Buffer;
  decryptString: (encrypted: Buffer) => string;
}

export interface VaultFile {
  read: () => Promise<Buffer | null>;
  write: (data: Buffer) => Promise<void>;
  remove: () => Promise<void>;
}

export interface SessionVault {
  load: () => Promise<StoredSession | null>;
  save: (session: StoredSession) => Promise<void>;
  clear: () => Promise<void>;
}

/**
 * Keeps the session token between launches, encrypted with the OS keychain.
 * Where the OS offers no keychain the token stays in memory for this launch
 * only: signing in again beats a plaintext token on disk.
 */
export function createSessionVault(cipher: SecretCipher, file: VaultFile): SessionVault {
  let memoryOnly: StoredSession | null = null;
  return {
    async load() {
      if (memoryOnly) return memoryOnly;
      const data = await file.read();
      if (!data || !cipher.isEncryptionAvailable()) return null;
      try {
        const parsed = StoredSession.safeParse(JSON.parse(cipher.decryptString(data)));
        if (parsed.success && parsed.data.expiresAt > Date.now()) return parsed.data;
      } catch {
        // Unreadable (keychain changed, file damaged): treated as signed out.
      }
      await file.remove();
      return null;
    },
    async save(session) {
      if (!cipher.isEncryptionAvailable()) {
        memoryOnly = session;
        return;
      }
      memoryOnly = null;
      await file.write(cipher.encryptString(JSON.stringify(session)));
    },
    async clear() {
      memoryOnly = null;
      await file.remove();
    },
  };
}
