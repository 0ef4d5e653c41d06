export default definePageConfig({ navigationBarTitleText: '学时登记', enablePullDownRefresh: true })
