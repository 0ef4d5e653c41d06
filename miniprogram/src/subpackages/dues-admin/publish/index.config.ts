export default definePageConfig({ navigationBarTitleText: '收缴公示' })
