export default definePageConfig({
  navigationBarTitleText: '我的党费',
  enablePullDownRefresh: true,
})
