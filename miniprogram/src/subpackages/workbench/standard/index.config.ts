export default definePageConfig({ navigationBarTitleText: '五化达标自评', enablePullDownRefresh: true })
