export default definePageConfig({
  navigationBarTitleText: '支部助手',
  enablePullDownRefresh: true,
  backgroundColor: '#c8161d',
})
