export default definePageConfig({ navigationBarTitleText: '签到二维码', navigationBarBackgroundColor: '#a50f16', backgroundColor: '#a50f16' })
