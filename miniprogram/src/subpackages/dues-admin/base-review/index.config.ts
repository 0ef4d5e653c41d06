export default definePageConfig({ navigationBarTitleText: '基数核定' })
