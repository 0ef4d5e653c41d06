export default definePageConfig({ navigationBarTitleText: '达标情况', enablePullDownRefresh: true })
