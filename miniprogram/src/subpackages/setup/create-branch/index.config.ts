export default definePageConfig({
  navigationBarTitleText: '设立党支部',
})
