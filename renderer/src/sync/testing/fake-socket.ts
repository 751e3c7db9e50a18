import type { SocketLike } from '../live-socket.ts';

/** A WebSocket stand-in the test drives by hand: open it, deliver server messages, drop it. */
export class FakeSocket implements SocketLike {
  static created: FakeSocket[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  readonly sent: unknown[] = [];

  constructor(readonly url: string) {
    FakeSocket.created.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.readyState = 3;
  }

  /** The server accepted the connection and the hello. */
  open(connectionId = 'conn-1'): void {
    this.readyState = 1;
    this.onopen?.();
    this.deliver({ type: 'ready', connectionId });
  }

  deliver(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  /** The connection dropped from the other side. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }
}
