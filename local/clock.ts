/**
 * Local-only time control: shifts the process clock by an offset so the whole stack (functions,
 * timers) lives "at" another instant — e.g. the eve of a 主题党日. Production code just calls
 * `new Date()`; only the local host and tests install this.
 */
const RealDate = Date
let offsetMs = 0
let installed = false

export const clock = {
  /** Make "now" equal `iso` (the clock keeps running from there). */
  set(iso: string | Date): void {
    const target = typeof iso === 'string' ? RealDate.parse(iso) : iso.getTime()
    if (Number.isNaN(target)) throw new Error(`bad instant ${String(iso)}`)
    install()
    offsetMs = target - RealDate.now()
  },
  advance(ms: number): void {
    install()
    offsetMs += ms
  },
  reset(): void {
    offsetMs = 0
  },
  offset(): number {
    return offsetMs
  },
  now(): number {
    return RealDate.now() + offsetMs
  },
}

function install(): void {
  if (installed) return
  installed = true
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs)
      else super(...(args as [string | number | Date]))
    }
    static override now(): number {
      return RealDate.now() + offsetMs
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor
}
