export default definePageConfig({
  navigationBarTitleText: '个人自评',
})
