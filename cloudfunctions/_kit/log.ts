/** Structured server-side logs (CloudBase collects stdout); never returned to callers. */
export interface Log {
  info(msg: string, data?: Record<string, unknown>): void
  error(msg: string, data?: Record<string, unknown>): void
}

export const createLog = (scope: string): Log => ({
  info: (msg, data) => console.log(JSON.stringify({ level: 'info', scope, msg, ...data })),
  error: (msg, data) => console.error(JSON.stringify({ level: 'error', scope, msg, ...data })),
})
