/**
 * Local timer triggers: each function's `config.json` timer (CloudBase's 7-field cron, seconds first)
 * run by croner in Beijing time, invoking `main` with the event SCF sends for a timer.
 */
import { Cron } from 'croner'
import { functionConfig, functionNames } from './functions'

export interface Timers {
  runAll(): Promise<void>
  stop(): void
}

/** CloudBase cron has a 7th (year) field croner does not take; `*` there means every year. */
export const toCroner = (expr: string): string => {
  const parts = expr.trim().split(/\s+/)
  if (parts.length === 7) {
    if (parts[6] !== '*') throw new Error(`unsupported year field in ${expr}`)
    return parts.slice(0, 6).join(' ')
  }
  return expr
}

type Invoke = (fn: string, event: unknown) => Promise<unknown>

export const timerList = () =>
  functionNames().flatMap((fn) =>
    (functionConfig(fn).triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ fn, name: t.name, cron: t.config })),
  )

export const startTimers = (invoke: Invoke): Timers => {
  const list = timerList()
  const fire = async (fn: string, name: string) => {
    try {
      await invoke(fn, { Type: 'Timer', TriggerName: name, Time: new Date().toISOString(), Message: '' })
    } catch (e) {
      console.error(`[timer] ${fn}/${name}`, e)
    }
  }
  const jobs = list.map((t) => new Cron(toCroner(t.cron), { timezone: 'Asia/Shanghai', protect: true }, () => fire(t.fn, t.name)))
  return {
    async runAll() {
      for (const t of list) await fire(t.fn, t.name)
    },
    stop() {
      for (const j of jobs) j.stop()
    },
  }
}
