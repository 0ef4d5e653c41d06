export default definePageConfig({ navigationBarTitleText: '登记到会', enablePullDownRefresh: true })
