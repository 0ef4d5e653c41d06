export default definePageConfig({ navigationBarTitleText: '我已缴纳' })
