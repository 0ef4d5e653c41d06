// NutUI styles used by main-package pages, per component (the global dist/style.css alone is ≈229 KB of
// app.wxss; docs/PITFALLS.md "UI kit"). Form controls' styles live in nutui-forms.ts, loaded by the admin subpackage.
import '@nutui/icons-react-taro/dist/style_icon.css'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/style.css'
