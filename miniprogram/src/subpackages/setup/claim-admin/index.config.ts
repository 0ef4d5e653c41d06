export default definePageConfig({
  navigationBarTitleText: '首次使用',
})
