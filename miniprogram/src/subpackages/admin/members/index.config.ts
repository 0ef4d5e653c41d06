export default definePageConfig({
  navigationBarTitleText: '党员名册',
  enablePullDownRefresh: true,
})
