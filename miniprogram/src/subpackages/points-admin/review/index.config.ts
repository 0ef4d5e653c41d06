export default definePageConfig({ navigationBarTitleText: '审核积分申报', enablePullDownRefresh: true })
