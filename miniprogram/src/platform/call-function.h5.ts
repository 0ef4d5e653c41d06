/** Calling a cloud function from the browser build: the local host's `/api/<function>` on the same origin. */
import { messageOf, TransportError } from './types'

/** Call a cloud function and return its raw (still unvalidated) result. */
export async function callFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  let res: Response
  try {
    res = await fetch('/api/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
      credentials: 'same-origin',
    })
  } catch (e) {
    throw new TransportError(messageOf(e))
  }
  try {
    return await res.json()
  } catch {
    throw new TransportError(`HTTP ${res.status}`)
  }
}
