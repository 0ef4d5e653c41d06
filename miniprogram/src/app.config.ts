// App configuration: tab pages in the main package, admin pages in a subpackage (routes in constants/routes.ts).
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/meetings/index',
    'pages/mine/index',
    'pages/bind/index',
    'pages/about/index',
  ],
  subPackages: [
    {
      root: 'subpackages/meetings',
      pages: ['detail/index', 'host/index', 'checklist/index', 'minutes/index', 'edit/index', 'leaves/index', 'attendance/index', 'member/index', 'plan/index', 'compliance/index'],
    },
    { root: 'subpackages/dues', pages: ['mine/index', 'report/index', 'publications/index', 'publication/index'] },
    {
      root: 'subpackages/dues-admin',
      pages: ['index/index', 'base-review/index', 'import/index', 'collection/index', 'reports/index', 'arrears/index', 'publish/index'],
    },
    {
      root: 'subpackages/admin',
      pages: ['members/index', 'member-edit/index', 'member-detail/index', 'roles/index', 'branch/index'],
    },
    {
      root: 'subpackages/evaluation',
      pages: ['index/index', 'self/index', 'ballot/index', 'manage/index', 'open/index', 'assess/index', 'followup/index'],
    },
    { root: 'subpackages/points', pages: ['index/index', 'declare/index', 'entry/index', 'ranking/index'] },
    { root: 'subpackages/points-admin', pages: ['index/index', 'review/index', 'scheme/index', 'publication/index', 'record/index'] },
    { root: 'subpackages/setup', pages: ['claim-admin/index', 'create-branch/index'] },
    {
      root: 'subpackages/workbench',
      pages: ['dashboard/index', 'talks/index', 'study/index', 'standard/index', 'summary/index', 'exports/index', 'overview/index'],
    },
    { root: 'subpackages/reminders', pages: ['settings/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '支部助手',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7',
    // Shows Taro's navigation bar (title, back) on h5 too; weapp always has one.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#6b7079',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/meetings/index', text: '组织生活', iconPath: 'assets/tab/meetings.png', selectedIconPath: 'assets/tab/meetings-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Sign-in at a meeting with a set place checks the member is near it; 支委 pick the place on the map.
  permission: { 'scope.userLocation': { desc: '用于会议签到时核对您是否在会场附近' } },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  lazyCodeLoading: 'requiredComponents',
})
