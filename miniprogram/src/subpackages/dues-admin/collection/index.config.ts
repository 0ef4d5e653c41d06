export default definePageConfig({ navigationBarTitleText: '收缴登记', enablePullDownRefresh: true })
