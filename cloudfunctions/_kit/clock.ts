/**
 * The one reading of the clock in function code: `createMain` takes each invocation's instant from here
 * and hands it to handlers and timers as `ctx.now`. Nothing else under cloudfunctions/ reads the date
 * (lint rule). Locally the host (and the test cloud) shift this clock to live at another instant.
 */
export const invocationInstant = (): Date => new Date()
