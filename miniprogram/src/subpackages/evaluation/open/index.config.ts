export default definePageConfig({
  navigationBarTitleText: '开启民主评议',
})
