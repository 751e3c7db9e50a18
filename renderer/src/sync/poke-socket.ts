import { API_ROUTES } from '#shared/api/routes';
import { SocketServerMessage } from '#shared/sync/protocol';

export interface PokeSocketEvents {
  /** Authenticated and listening: pull now, things may have changed while away. */
  onReady: () => void;
  onPoke: (version: number) => void;
  onUnauthenticated: () => void;
}

const MAX_RECONNECT_DELAY_MS = 5_000;

/**
 * The live channel: content-free pokes from the server, reconnecting with
 * backoff for as long as the app runs.
 */
export class PokeSocket {
  private socket: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly events: PokeSocketEvents,
  ) {}

  start(): void {
    if (!this.stopped) this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.detachSocket();
  }

  /** Skips the backoff wait (the browser says the network is back). */
  reconnectNow(): void {
    if (this.stopped || this.socket?.readyState === WebSocket.OPEN) return;
    clearTimeout(this.reconnectTimer);
    this.attempt = 0;
    this.detachSocket();
    this.connect();
  }

  /** Drops the current socket without triggering its reconnect. */
  private detachSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = null;
    socket.close();
  }

  private connect(): void {
    const url = `${this.serverUrl.replace(/^http/, 'ws')}${API_ROUTES.socket}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token: this.token }));
    socket.onmessage = (event) => this.handleMessage(event.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private handleMessage(data: unknown): void {
    let message: SocketServerMessage;
    try {
      message = SocketServerMessage.parse(JSON.parse(String(data)));
    } catch {
      return; // A message we do not understand carries nothing we need.
    }
    if (message.type === 'ready') {
      this.attempt = 0;
      this.events.onReady();
    } else if (message.type === 'poke') {
      this.events.onPoke(message.version);
    } else if (message.code === 'unauthenticated') {
      this.stopped = true;
      this.events.onUnauthenticated();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 250 * 2 ** this.attempt);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }
}
