export default definePageConfig({
  navigationBarTitleText: '限期改正',
})
