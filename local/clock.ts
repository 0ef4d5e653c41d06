/**
 * Local-only time control: shifts the process clock by an offset so the whole stack (functions,
 * timers) lives "at" another instant — e.g. the eve of a 主题党日. Production code reads the clock in one
 * place (`cloudfunctions/_kit/clock.ts`); only the local host and tests install this. A stack started
 * at a stated instant (`start(iso)`: the test cloud, `ZHIBU_AT` for the host) keeps that timeline:
 * `reset()` goes back to it (the start instant plus the time run since), never to the machine's date.
 */
const RealDate = Date
let offsetMs = 0
let installed = false
/** The offset of the timeline `start()` began; `reset()` returns to it. */
let homeOffset = 0

const parse = (iso: string | Date): number => {
  const target = typeof iso === 'string' ? RealDate.parse(iso) : iso.getTime()
  if (Number.isNaN(target)) throw new Error(`bad instant ${String(iso)}`)
  return target
}

export const clock = {
  /** Make "now" equal `iso` (the clock keeps running from there). */
  set(iso: string | Date): void {
    const target = parse(iso)
    install()
    offsetMs = target - RealDate.now()
  },
  /** The stack lives at `iso` from now on; `reset()` comes back to this timeline rather than to the machine's date. */
  start(iso: string | Date): void {
    clock.set(iso)
    homeOffset = offsetMs
  },
  advance(ms: number): void {
    install()
    offsetMs += ms
  },
  reset(): void {
    offsetMs = homeOffset
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
