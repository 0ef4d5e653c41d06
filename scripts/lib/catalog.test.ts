import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CATALOG } from '../../shared/src/contract/catalog'
import { domains } from '../../shared/src/contract/index'
import { renderCatalog } from './catalog'

describe('the run-time catalog (what the mini-program carries of the contract)', () => {
  test('is the one rendered from the contracts now — run `npm run gen:catalog` after changing a contract', () => {
    expect(readFileSync(join(__dirname, '..', '..', 'shared', 'src', 'contract', 'catalog.ts'), 'utf8')).toBe(renderCatalog(domains))
  })

  test('names every action of every domain with its function, policy and kind', () => {
    for (const [key, domain] of Object.entries(domains)) {
      const entry = CATALOG[key as keyof typeof CATALOG]
      expect(entry.name).toBe(domain.name)
      const actions: Record<string, unknown> = entry.actions
      expect(Object.keys(actions)).toEqual(Object.keys(domain.actions))
      for (const [name, def] of Object.entries(domain.actions)) {
        expect(actions[name]).toEqual({ policy: def.policy, kind: def.kind })
      }
    }
  })
})
