export default definePageConfig({ navigationBarTitleText: '登记记分' })
