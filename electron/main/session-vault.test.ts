import { describe, expect, it } from 'vitest';
import type { StoredSession } from '#shared/shell/contract';
import { type SecretCipher, type VaultFile, createSessionVault } from './session-vault.ts';

const session = {
  token: 'session-token-0123456789-abcdefghijklmnopqrs',
  expiresAt: Date.now() + 3_600_000,
  user: { id: 'usr_agent', workspaceId: 'wsp_demo', email: 'agent@demo.shiftdesk.test', name: 'Sam', role: 'agent' },
} as StoredSession;

/** A reversible stand-in for the OS keychain (XOR), so plaintext on disk would be detectable. */
function fakeCipher(available = true): SecretCipher {
  const xor = (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => xor(Buffer.from(plain, 'utf8')),
    decryptString: (data) => xor(data).toString('utf8'),
  };
}

function memoryFile(): VaultFile & { data: Buffer | null } {
  const file = {
    data: null as Buffer | null,
    read: async () => file.data,
    write: async (data: Buffer) => {
      file.data = data;
    },
    remove: async () => {
      file.data = null;
    },
  };
  return file;
}

describe('session vault', () => {
  it('round-trips a session through encryption, never writing the token in clear', async () => {
    const file = memoryFile();
    const vault = createSessionVault(fakeCipher(), file);
    await vault.save(session);
    expect(file.data?.toString('utf8')).not.toContain(session.token);
    expect(await vault.load()).toEqual(session);
  });

  it('keeps the session in memory only when the OS has no keychain', async () => {
    const file = memoryFile();
    const vault = createSessionVault(fakeCipher(false), file);
    await vault.save(session);
    expect(file.data).toBeNull();
    expect(await vault.load()).toEqual(session);
    expect(await createSessionVault(fakeCipher(false), file).load()).toBeNull();
  });

  it('treats damaged or expired data as signed out and removes it', async () => {
    const damaged = memoryFile();
    damaged.data = Buffer.from('garbage');
    expect(await createSessionVault(fakeCipher(), damaged).load()).toBeNull();
    expect(damaged.data).toBeNull();

    const expired = memoryFile();
    await createSessionVault(fakeCipher(), expired).save({ ...session, expiresAt: Date.now() - 1 });
    expect(await createSessionVault(fakeCipher(), expired).load()).toBeNull();
  });

  it('clears the stored session', async () => {
    const file = memoryFile();
    const vault = createSessionVault(fakeCipher(), file);
    await vault.save(session);
    await vault.clear();
    expect(await vault.load()).toBeNull();
  });
});
