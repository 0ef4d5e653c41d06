export default definePageConfig({
  navigationBarTitleText: '组织评定',
  enablePullDownRefresh: true,
})
