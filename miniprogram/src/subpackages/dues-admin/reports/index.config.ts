export default definePageConfig({ navigationBarTitleText: '待确认的缴费', enablePullDownRefresh: true })
