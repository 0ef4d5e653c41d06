/**
 * A small bar chart as plain geometry (no chart library): one bar per month, positive above the axis and
 * negative below, scaled to the largest magnitude. The page draws the bars with Views.
 */
export interface Bar {
  month: string
  value: number
  /** Height as a percentage of the plot's half for negatives, or of the space above the axis. */
  heightPct: number
  negative: boolean
  label: string
}

export interface BarChartModel {
  bars: Bar[]
  /** Where the axis sits, as a percentage from the top (100 when nothing is negative). */
  axisPct: number
  max: number
  min: number
}

const round1 = (x: number): number => Math.round(x * 10) / 10

export function barChart(points: readonly { month: string; value: number }[]): BarChartModel {
  const max = Math.max(0, ...points.map((p) => p.value))
  const min = Math.min(0, ...points.map((p) => p.value))
  const span = max - min || 1
  const axisPct = round1((max / span) * 100)
  return {
    bars: points.map((p) => ({
      month: p.month,
      value: p.value,
      negative: p.value < 0,
      heightPct: round1((Math.abs(p.value) / span) * 100),
      label: `${Number(p.month.slice(5))}月`,
    })),
    axisPct: min === 0 ? 100 : axisPct,
    max,
    min,
  }
}
