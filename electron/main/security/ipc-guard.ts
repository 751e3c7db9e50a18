import { z } from 'zod';
import { SHELL_METHODS, type ShellMethod, shellChannel } from '#shared/shell/channels';
import { type ShellHandlers, shellContract } from '#shared/shell/contract';
import { isTrustedOrigin } from './origins.ts';

/** What Electron tells us about the frame behind an IPC call (a WebFrameMain, or null once it is gone). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** Only the app's own top-level page may call the shell; never a subframe, never another origin. */
export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  return isTrustedOrigin(frame.url, trustedOrigins);
}

export class IpcRejected extends Error {
  override name = 'IpcRejected';
}

export type ShellInvoker = (
  method: ShellMethod,
  sender: SenderFrame | null | undefined,
  rawArgs: unknown[],
) => Promise<unknown>;

/**
 * Checks sender and payload of every shell call against the contract, then runs
 * the handler and checks its result too, so the renderer only ever gets what
 * the contract promises.
 */
export function createShellInvoker(handlers: ShellHandlers, trustedOrigins: readonly string[]): ShellInvoker {
  return async (method, sender, rawArgs) => {
    if (!isTrustedSender(sender, trustedOrigins)) {
      throw new IpcRejected(`Refused "${method}" from an untrusted frame (${sender?.url ?? 'unknown'}).`);
    }
    const spec = shellContract[method];
    const args = spec.args.safeParse(rawArgs);
    if (!args.success) {
      throw new IpcRejected(`Refused "${method}": invalid arguments. ${z.prettifyError(args.error)}`);
    }
    const handler = handlers[method] as (...args: unknown[]) => unknown;
    return spec.result.parse(await handler(...args.data));
  };
}

/** The slice of Electron's ipcMain this module needs, so it is testable without Electron. */
export interface IpcMainLike {
  handle: (
    channel: string,
    listener: (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => unknown,
  ) => void;
}

export function registerShellIpc(ipcMain: IpcMainLike, invoke: ShellInvoker): void {
  for (const method of SHELL_METHODS) {
    ipcMain.handle(shellChannel(method), (event, ...args) => invoke(method, event.senderFrame, args));
  }
}
