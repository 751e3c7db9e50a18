import { API_ROUTES } from '#shared/api/routes';
import {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TIMEOUT_MS,
  type PresenceEntry,
  type PresenceState,
  SocketServerMessage,
} from '#shared/sync/socket-protocol';
import { Backoff } from '#shared/util/backoff';

export interface LiveSocketEvents {
  /** Authenticated and listening: things may have changed while away. */
  onReady: (connectionId: string) => void;
  /** The connection is gone (closed, or silent past the heartbeat timeout); it reconnects by itself. */
  onDown: () => void;
  onPoke: (version: number) => void;
  onPresence: (entries: PresenceEntry[]) => void;
  onNotice: (notice: { title: string; body: string; ticketId: string | null }) => void;
  onUnauthenticated: () => void;
}

/** The parts of a browser WebSocket this class uses (tests pass a stand-in). */
export interface SocketLike {
  readonly readyState: number;
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  send: (data: string) => void;
  close: () => void;
}

export type CreateSocket = (url: string) => SocketLike;

const OPEN = 1;

/**
 * One window's live channel: pokes, presence and notices, with a heartbeat so
 * a connection that died silently (a cut network, a sleeping server) is noticed
 * within seconds, and reconnects with backoff for as long as the app runs.
 */
export class LiveSocket {
  private socket: SocketLike | null = null;
  private ready = false;
  private stopped = false;
  private presence: PresenceState = { ticketId: null, activity: null };
  private lastHeard = 0;
  private readonly backoff = new Backoff({ baseMs: 250, maxMs: 5_000, minMs: 100 });
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly events: LiveSocketEvents,
    private readonly createSocket: CreateSocket = (url) => new WebSocket(url) as unknown as SocketLike,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** Connects; may be called again after stop. */
  start(): void {
    this.stopped = false;
    clearInterval(this.heartbeatTimer);
    this.connect();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), HEARTBEAT_INTERVAL_MS);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeatTimer);
    this.drop(false);
  }

  /** Skips the backoff wait (the browser says the network is back). */
  reconnectNow(): void {
    if (this.stopped || this.ready) return;
    clearTimeout(this.reconnectTimer);
    this.backoff.reset();
    this.drop(false);
    this.connect();
  }

  /** The browser says the network is gone: do not wait for the heartbeat to find out. */
  markDown(): void {
    if (this.stopped || !this.socket) return;
    this.drop(true);
    this.scheduleReconnect();
  }

  /** Where this window is and what it does; re-sent after every reconnect. */
  setPresence(state: PresenceState): void {
    this.presence = state;
    this.sendPresence();
  }

  private sendPresence(): void {
    if (this.ready && this.socket?.readyState === OPEN) {
      this.socket.send(JSON.stringify({ type: 'presence', state: this.presence }));
    }
  }

  private connect(): void {
    const url = `${this.serverUrl.replace(/^http/, 'ws')}${API_ROUTES.socket}`;
    let socket: SocketLike;
    try {
      socket = this.createSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.lastHeard = Date.now();
    socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', token: this.token }));
    socket.onmessage = (event) => this.handleMessage(event.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.drop(true);
      this.scheduleReconnect();
    };
  }

  /** Detaches the current socket; reports the connection down if it had been up. */
  private drop(report: boolean): void {
    const socket = this.socket;
    const wasReady = this.ready;
    this.socket = null;
    this.ready = false;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      socket.close();
    }
    if (report && (wasReady || socket)) this.events.onDown();
  }

  private heartbeat(): void {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    if (Date.now() - this.lastHeard > HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS) {
      // Silent for too long: the connection is dead even if no close event came.
      this.drop(true);
      this.scheduleReconnect();
      return;
    }
    if (socket.readyState === OPEN) socket.send(JSON.stringify({ type: 'ping', at: Date.now() }));
  }

  private handleMessage(data: unknown): void {
    this.lastHeard = Date.now();
    let message: SocketServerMessage;
    try {
      message = SocketServerMessage.parse(JSON.parse(String(data)));
    } catch {
      return; // A message we do not understand carries nothing we need.
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.backoff.reset();
        this.sendPresence();
        this.events.onReady(message.connectionId);
        return;
      case 'poke':
        this.events.onPoke(message.version);
        return;
      case 'presence':
        this.events.onPresence(message.entries);
        return;
      case 'notice':
        this.events.onNotice(message);
        return;
      case 'pong':
        return;
      case 'error':
        if (message.code === 'unauthenticated') {
          this.stopped = true;
          this.events.onUnauthenticated();
        }
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), this.backoff.next());
  }
}
