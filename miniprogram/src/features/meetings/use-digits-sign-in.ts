/**
 * The typed fallback of the sign-in scan: a form opened by "扫不了码？输入6位数字" that keeps only digits
 * (at most 6) of what the member types, is ready at 6, and signs in with them (`signInWithDigits`). The
 * server's refusal (wrong, expired, too many tries) stays on the form in large type rather than in a toast;
 * a success closes and clears it.
 */
import { useState } from 'react'
import type { Attendance } from '@shared/contract/meetings'
import { useAction } from '../common/use-action'
import { cleanDigits, signInWithDigits } from './sign-in'

export interface DigitsSignInState {
  open: boolean
  show: () => void
  hide: () => void
  digits: string
  /** Takes what the member typed; keeps its digits. */
  setDigits: (typed: string) => void
  /** Six digits typed. */
  ready: boolean
  /** Signs in; resolves the attendance, or undefined when refused (the message is in `error`). */
  submit: () => Promise<Attendance | undefined>
  pending: boolean
  error: string | null
}

export function useDigitsSignIn(meetingId: string, opts: { checksPlace?: boolean } = {}): DigitsSignInState {
  const [open, setOpen] = useState(false)
  const [digits, setRaw] = useState('')
  const action = useAction((typed: string) => signInWithDigits(meetingId, typed, { checksPlace: opts.checksPlace }), { toast: false })
  const close = (): void => {
    setOpen(false)
    setRaw('')
    action.reset()
  }
  return {
    open,
    show: () => setOpen(true),
    hide: close,
    digits,
    setDigits: (typed) => {
      setRaw(cleanDigits(typed))
      if (action.error) action.reset()
    },
    ready: digits.length === 6,
    submit: async () => {
      const done = await action.run(digits)
      if (done) close()
      return done
    },
    pending: action.pending,
    error: action.error,
  }
}
