import { ADMIN_ROOT, ROUTES, TAB_ROUTES, isTabRoute, withQuery } from './routes'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string }[] }
}

function loadAppConfig(): AppConfig {
  ;(globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c
  // A plain require: app.config.ts reads the global at load time (Taro defines it at build time).
  return (require('../app.config') as { default: AppConfig }).default
}

describe('routes', () => {
  it('lists exactly the pages app.config declares', () => {
    const config = loadAppConfig()
    const declared = [
      ...config.pages.map((p) => `/${p}`),
      ...config.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`)),
    ].sort()
    expect(Object.values(ROUTES).sort()).toEqual(declared)
  })

  it('keeps tab pages in the main package and admin pages in the subpackage', () => {
    const config = loadAppConfig()
    expect(config.tabBar.list.map((t) => `/${t.pagePath}`)).toEqual(Object.values(TAB_ROUTES))
    for (const tab of Object.values(TAB_ROUTES)) expect(config.pages).toContain(tab.slice(1))
    expect(config.subPackages.map((s) => s.root)).toContain(ADMIN_ROOT)
    expect(config.pages.some((p) => p.startsWith(ADMIN_ROOT))).toBe(false)
  })

  it('builds encoded query strings and skips undefined values', () => {
    expect(withQuery(ROUTES.adminMemberDetail, { memberId: 'm 1', created: 1, x: undefined })).toBe(
      '/subpackages/admin/member-detail/index?memberId=m%201&created=1',
    )
    expect(withQuery(ROUTES.about, {})).toBe('/pages/about/index')
  })

  it('knows tab routes, with or without a query', () => {
    expect(isTabRoute('/pages/mine/index')).toBe(true)
    expect(isTabRoute('/pages/index/index?x=1')).toBe(true)
    expect(isTabRoute(ROUTES.bind)).toBe(false)
  })
})
