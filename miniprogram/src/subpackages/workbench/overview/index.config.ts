export default definePageConfig({ navigationBarTitleText: '各支部工作概况', enablePullDownRefresh: true })
