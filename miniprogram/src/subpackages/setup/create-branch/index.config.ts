export default definePageConfig({
  navigationBarTitleText: '设立支部',
})
