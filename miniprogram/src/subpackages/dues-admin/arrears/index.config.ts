export default definePageConfig({ navigationBarTitleText: '欠交提醒', enablePullDownRefresh: true })
