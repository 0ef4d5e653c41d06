export default definePageConfig({ navigationBarTitleText: '达标自评汇总表' })
