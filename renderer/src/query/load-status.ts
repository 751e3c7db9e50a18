/** Where the query layer is with holding every local ticket. */
export type QueryLoadStatus =
  | { phase: 'loading'; loaded: number; total: number | null }
  | { phase: 'ready'; loaded: number }
  | { phase: 'failed'; loaded: number; message: string };
